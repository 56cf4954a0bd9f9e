/**
 * What an import asks of the tenant's security material beyond HTTPS: an SFTP receiver's SSH key
 * pair and known host (on a non-standard port), a mail receiver's and an OAuth2 receiver's
 * credentials — each by name, with what it must hold, and the known host prepared once the
 * landscape's known_hosts carries the server. Systems already in the landscape are found by host.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHandover } from '../../../shared/landscape/handover';
import { iflowZip } from '../../support/iflow-builder';
import { createTestServices, makeHome } from '../../support/test-services';

/** A known_hosts line for `host`, with an Ed25519 key made now. */
function knownHostsLine(host: string): string {
  const raw = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  return `${host} ssh-ed25519 ${Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]).toString('base64')}`;
}

describe('iFlow import: security material by name', () => {
  it('SFTP key pair and known host, mail and OAuth2 credentials; an existing system is matched by host', async () => {
    const home = makeHome('landscape-iflow-material-');
    const s = createTestServices(home);
    const l = s.landscapes.create({ templateId: 'blank', name: 'Files' });
    s.landscapes.addSystem(l.id, { name: 'Acme file server', kind: 'sftp-server', host: 'sftp.acme.example' });
    const zip = join(home, 'files.zip');
    writeFileSync(zip, iflowZip({
      id: 'Orders_to_Files',
      flows: [
        { type: 'SFTP', direction: 'Receiver', participant: 'SFTP_Server', name: 'ToFiles', props: { host: 'sftp.acme.example:2222', path: '/in', authentication: 'public_key', privateKeyAlias: 'acme_sftp', username: 'ci' } },
        { type: 'Mail', direction: 'Receiver', participant: 'Mail_Server', name: 'Notify', props: { address: 'smtp.acme.example:587', protection: 'STARTTLS Mandatory', authentication: 'Plain User Name/Password', credentialName: 'ACME_MAIL' } },
        { type: 'HTTP', direction: 'Receiver', participant: 'Billing', name: 'ToBilling', props: { httpAddressWithoutQuery: 'https://billing.acme.example/api', authenticationMethod: 'OAuth2 Client Credentials', credentialName: 'ACME_OAUTH' } },
      ],
    }));

    const dry = await s.iflows.import({ files: [zip], landscape: 'Files', dryRun: true });
    expect(dry.systems.map((x) => [x.name, x.action])).toEqual([['Acme file server', 'merged'], ['Mail_Server', 'add'], ['Billing', 'add']]);
    expect(dry.material.map((m) => [m.name, m.kind, m.status, m.pathways])).toEqual([
      ['[sftp.acme.example]:2222', 'known-host', 'missing', [1]],
      ['ACME_MAIL', 'user-credentials', 'missing', [2]],
      ['ACME_OAUTH', 'oauth2-credentials', 'missing', [3]],
      ['acme_sftp', 'ssh-key-pair', 'missing', [1]],
    ]);
    expect(dry.material[0]!.needs).toMatch(/Known Hosts \(SSH\)/);
    expect(dry.material[3]!.needs).toMatch(/Key Pair \(SSH\).*authorized_keys/);
    expect(dry.material[2]!.needs).toMatch(/OAuth2 Client Credentials: token URL, client ID and client secret/);

    await s.iflows.import({ files: [zip], landscape: 'Files' });
    s.landscapes.update('Files', { knownHosts: [knownHostsLine('[sftp.acme.example]:2222')] });
    const again = await s.iflows.import({ files: [zip], landscape: 'Files', dryRun: true });
    expect(again.material.find((m) => m.kind === 'known-host')).toMatchObject({ status: 'prepared' });
    expect(again.landscape.changed).toBe(false);

    const handover = buildHandover(s.landscapes.get('Files'), []);
    expect(handover.material.map((m) => `${m.name} ${m.status}`)).toEqual(['[sftp.acme.example]:2222 prepared', 'ACME_MAIL missing', 'ACME_OAUTH missing', 'acme_sftp missing']);
    const ci = handover.sections.find((x) => x.place === 'ci-monitor')!.items.map((i) => i.title);
    expect(ci).toEqual(expect.arrayContaining(['Known Hosts (SSH)']));
  });
});
