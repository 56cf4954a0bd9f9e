import type { ReactNode } from 'react';
import type { Pathway } from '../../../shared/landscape';
import type { PathwayPatch } from '../../../shared/landscape/patch-schemas';
import { CommitInput } from './CommitInput';
import { MoreProtocolOptions } from './MoreProtocolOptions';
import type { ConfigField } from './config-fields';

type Row = (field: ConfigField, control: ReactNode) => ReactNode;
type Save = (field: ConfigField, patch: PathwayPatch) => Promise<void>;

const PROTECTIONS: Array<{ value: NonNullable<Pathway['smtp']>['protection']; label: string }> = [
  { value: 'starttls-mandatory', label: 'STARTTLS Mandatory (usually port 587)' },
  { value: 'starttls-optional', label: 'STARTTLS Optional' },
  { value: 'smtps', label: 'SMTPS (usually port 465)' },
  { value: 'off', label: 'Off (plain text)' },
];

/** The settings only SFTP, SMTP, FTP, IMAP / POP3 or AMQP pathways have, as Cloud Integration's adapters name them. */
export function ProtocolOptions({ pathway: p, showUser, row, save, invalid }: { pathway: Pathway; showUser: boolean; row: Row; save: Save; invalid: (f: ConfigField) => boolean }) {
  if (p.protocol === 'sftp') {
    const sftp = p.sftp ?? {};
    return (
      <>
        {showUser && row('user', <CommitInput id="cfg-user" invalid={invalid('user')} value={sftp.user ?? ''} placeholder="SFTP user (or from the credential)" onCommit={(v) => void save('user', { sftp: { ...sftp, user: v || undefined } })} />)}
        {row('directory', <CommitInput id="cfg-directory" invalid={invalid('directory')} value={sftp.directory ?? ''} placeholder="directory under the user's home" onCommit={(v) => void save('directory', { sftp: { ...sftp, directory: v || undefined } })} />)}
        {row('writeCheck',
          <label className="inline-check">
            <input id="cfg-writeCheck" type="checkbox" checked={sftp.writeCheck === true} onChange={(e) => void save('writeCheck', { sftp: { ...sftp, writeCheck: e.target.checked } })} />
            Probe writes and removes a temporary file there
          </label>)}
      </>
    );
  }
  if (p.protocol === 'smtp') {
    const smtp = p.smtp ?? { protection: 'starttls-mandatory' as const };
    return (
      <>
        {row('protection',
          <select id="cfg-protection" value={smtp.protection} onChange={(e) => void save('protection', { smtp: { ...smtp, protection: e.target.value as typeof smtp.protection } })}>
            {PROTECTIONS.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
          </select>)}
        {row('from', <CommitInput id="cfg-from" invalid={invalid('from')} value={smtp.from ?? ''} placeholder="sender address to check (no mail is sent)" onCommit={(v) => void save('from', { smtp: { ...smtp, from: v || undefined } })} />)}
        {row('to', <CommitInput id="cfg-to" invalid={invalid('to')} value={smtp.to ?? ''} placeholder="recipient address to check" onCommit={(v) => void save('to', { smtp: { ...smtp, to: v || undefined } })} />)}
      </>
    );
  }
  return <MoreProtocolOptions pathway={p} row={row} save={save} invalid={invalid} />;
}
