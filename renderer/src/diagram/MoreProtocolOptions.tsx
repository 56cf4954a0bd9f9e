import type { ReactNode } from 'react';
import type { Pathway } from '../../../shared/landscape';
import type { PathwayPatch } from '../../../shared/landscape/patch-schemas';
import { CommitInput } from './CommitInput';
import type { ConfigField } from './config-fields';

type Row = (field: ConfigField, control: ReactNode) => ReactNode;
type Save = (field: ConfigField, patch: PathwayPatch) => Promise<void>;
type Props = { pathway: Pathway; row: Row; save: Save; invalid: (f: ConfigField) => boolean };

const FTP_PROTECTIONS: Array<{ value: NonNullable<Pathway['ftp']>['protection']; label: string }> = [
  { value: 'explicit', label: 'Explicit FTPS (AUTH TLS, usually port 21)' },
  { value: 'implicit', label: 'Implicit FTPS (usually port 990)' },
  { value: 'off', label: 'Plain FTP (no encryption)' },
];
const MAILBOX_PROTECTIONS: Array<{ value: NonNullable<Pathway['mailbox']>['protection']; label: string }> = [
  { value: 'tls', label: 'SSL/TLS (IMAP 993, POP3 995)' },
  { value: 'starttls', label: 'STARTTLS (IMAP 143, POP3 110)' },
  { value: 'off', label: 'Off (plain text)' },
];

function FtpOptions({ pathway: p, row, save, invalid }: Props) {
  const ftp = p.ftp ?? { protection: 'explicit' as const };
  return (
    <>
      {row('protection',
        <select id="cfg-protection" value={ftp.protection} onChange={(e) => void save('protection', { ftp: { ...ftp, protection: e.target.value as typeof ftp.protection } })}>
          {FTP_PROTECTIONS.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
        </select>)}
      {row('directory', <CommitInput id="cfg-directory" invalid={invalid('directory')} value={ftp.directory ?? ''} placeholder="directory CI reads or writes (empty: the login directory)" onCommit={(v) => void save('directory', { ftp: { ...ftp, directory: v || undefined } })} />)}
      {row('writeCheck',
        <label className="inline-check">
          <input id="cfg-writeCheck" type="checkbox" checked={ftp.writeCheck === true} onChange={(e) => void save('writeCheck', { ftp: { ...ftp, writeCheck: e.target.checked } })} />
          Probe writes and removes a temporary file there
        </label>)}
    </>
  );
}

function MailboxOptions({ pathway: p, row, save, invalid }: Props) {
  const mailbox = p.mailbox ?? { protection: 'tls' as const };
  return (
    <>
      {row('protection',
        <select id="cfg-protection" value={mailbox.protection} onChange={(e) => void save('protection', { mailbox: { ...mailbox, protection: e.target.value as typeof mailbox.protection } })}>
          {MAILBOX_PROTECTIONS.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
        </select>)}
      {p.protocol === 'imap' && row('folder', <CommitInput id="cfg-folder" invalid={invalid('folder')} value={mailbox.folder ?? ''} placeholder="INBOX" onCommit={(v) => void save('folder', { mailbox: { ...mailbox, folder: v || undefined } })} />)}
      {p.protocol === 'pop3' && <p className="note">POP3 has one mailbox: the probe counts its messages and changes nothing.</p>}
    </>
  );
}

function AmqpOptions({ pathway: p, row, save, invalid }: Props) {
  const amqp = p.amqp ?? { transport: 'tcp' as const, tls: true };
  return (
    <>
      {row('transport',
        <select id="cfg-transport" value={amqp.transport} onChange={(e) => void save('transport', { amqp: { ...amqp, transport: e.target.value as typeof amqp.transport } })}>
          <option value="tcp">TCP (usually port 5671 with TLS)</option>
          <option value="websocket">WebSocket (usually port 443)</option>
        </select>)}
      {row('tls',
        <label className="inline-check">
          <input id="cfg-tls" type="checkbox" checked={amqp.tls} onChange={(e) => void save('tls', { amqp: { ...amqp, tls: e.target.checked } })} />
          Connect with TLS
        </label>)}
      {row('address', <CommitInput id="cfg-address" invalid={invalid('address')} value={amqp.address ?? ''} placeholder="queue or topic, e.g. queue:orders" onCommit={(v) => void save('address', { amqp: { ...amqp, address: v || undefined } })} />)}
      {amqp.transport === 'websocket' && row('wsPath', <CommitInput id="cfg-wsPath" invalid={invalid('wsPath')} value={amqp.path ?? ''} placeholder="/ (the broker's WebSocket path)" onCommit={(v) => void save('wsPath', { amqp: { ...amqp, path: v || undefined } })} />)}
    </>
  );
}

/** The settings of the FTP, mailbox (IMAP / POP3) and AMQP adapters. */
export function MoreProtocolOptions(props: Props) {
  const protocol = props.pathway.protocol;
  if (protocol === 'ftp') return <FtpOptions {...props} />;
  if (protocol === 'imap' || protocol === 'pop3') return <MailboxOptions {...props} />;
  if (protocol === 'amqp') return <AmqpOptions {...props} />;
  return null;
}
