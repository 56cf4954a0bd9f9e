/**
 * Importing into a landscape the consultant has worked on: the same export again changes nothing
 * (not even a time stamp), and a changed export updates what the iFlow states while every edit made
 * by hand survives — values the iFlow leaves open, notes, ticked steps, the vault link, renamed systems.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iflowZip, seed002Package, type IflowSpec } from '../../support/iflow-builder';
import { createTestServices, makeHome } from '../../support/test-services';

function setup() {
  const home = makeHome('landscape-iflow-reimport-');
  const s = createTestServices(home);
  const file = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(home, name), bytes);
    return join(home, name);
  };
  return { s, file };
}

/** Receivers whose address, credential and location come from parameters the export leaves empty. */
function openSpec(params: Record<string, string> = {}): IflowSpec {
  return {
    id: 'Orders_to_Api',
    params,
    flows: [
      { type: 'HTTP', direction: 'Receiver', participant: 'Order API', name: 'ToApi', props: { httpAddressWithoutQuery: '{{Api_Host}}/orders', authenticationMethod: 'Basic', credentialName: '{{Api_Cred}}' } },
      { type: 'SOAP', direction: 'Receiver', participant: 'SAP_S4HANA', name: 'ToS4', props: { address: 'http://s4-virtual:44300/sap/bc/srt/x', proxyType: 'sapcc', locationID: '{{Loc}}', authentication: 'Basic', credentialName: 'S4_USER' } },
      { type: 'SFTP', direction: 'Receiver', participant: 'Files', name: 'ToFiles', props: { host: 'sftp.acme.example', path: '/in', authentication: 'public_key', privateKeyAlias: 'acme_sftp', username: 'ci' } },
    ],
  };
}

describe('iFlow re-import', () => {
  it('the same package again changes nothing: every pathway unchanged, the landscape byte for byte the same', async () => {
    const { s, file } = setup();
    const pkg = file('package.zip', seed002Package());
    await s.iflows.import({ files: [pkg], newName: 'Acme' });
    const first = s.landscapes.get('Acme');
    for (const dryRun of [true, false]) {
      const again = await s.iflows.import({ files: [pkg], landscape: 'Acme', dryRun });
      expect(again.landscape).toMatchObject({ created: false, changed: false });
      expect(again.pathways.map((p) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
      expect(again.systems.map((x) => x.action)).toEqual(['merged', 'merged']);
      expect(again.findings.filter((f) => /no longer in its iFlow/.test(f.message))).toEqual([]);
    }
    expect(s.landscapes.get('Acme')).toEqual(first);
  });

  it('keeps what the consultant entered where the iFlow leaves values open, and every other edit', async () => {
    const { s, file } = setup();
    const r = await s.iflows.import({ files: [file('orders.zip', iflowZip(openSpec()))], newName: 'Orders' });
    expect(r.iflows[0]!.adapters[0]!.unresolved).toEqual(['Api_Cred', 'Api_Host']);
    const l = s.landscapes.get('Orders');
    const [api, s4, sftp] = l.pathways;
    expect([api!.endpoint, api!.credentialName, s4!.proxy]).toEqual(['/orders', undefined, { type: 'on-premise', locationId: '', virtualHost: 's4-virtual' }]);
    // The consultant fills in what the export left open and works on the landscape.
    s.landscapes.updatePathway('Orders', api!.id, { endpoint: 'https://api.acme.example/orders', credentialName: 'ACME_API', notes: 'Agreed with the API owner.' });
    s.landscapes.updatePathway('Orders', s4!.id, { proxy: { type: 'on-premise', locationId: 'acme-scc', virtualHost: 's4-virtual' }, probe: { deadlineMs: 20_000 } });
    s.landscapes.updatePathway('Orders', sftp!.id, { sftp: { directory: '/in', user: 'ci', writeCheck: true } });
    s.landscapes.tickStep('Orders', sftp!.id, 'ci-known-hosts', true);
    const files = l.systems.find((x) => x.name === 'Files')!;
    s.landscapes.updateSystem('Orders', files.id, { name: 'Acme file server', notes: 'DMZ' });
    const edited = s.landscapes.get('Orders');

    const same = await s.iflows.import({ files: [file('orders.zip', iflowZip(openSpec()))], landscape: 'Orders' });
    expect(same.landscape.changed).toBe(false);
    expect(same.pathways.map((p) => p.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(s.landscapes.get('Orders')).toEqual(edited);

    // The iFlow changes: the SFTP receiver now uses a password, the API's host gets a value.
    const changed = openSpec({ Api_Host: 'https://api2.acme.example' });
    changed.flows[2]!.props = { ...changed.flows[2]!.props, authentication: 'user_password', credential_name: 'ACME_SFTP_PW' };
    const next = await s.iflows.import({ files: [file('orders-v2.zip', iflowZip(changed))], landscape: 'Orders' });
    expect(next.pathways.map((p) => [p.number, p.action])).toEqual([[1, 'update'], [2, 'unchanged'], [3, 'update']]);
    expect(next.pathways[0]!.changes).toEqual([{ field: 'endpoint', before: 'https://api.acme.example/orders', after: 'https://api2.acme.example/orders' }]);
    const after = s.landscapes.get('Orders');
    expect(after.pathways[0]).toMatchObject({ endpoint: 'https://api2.acme.example/orders', credentialName: 'ACME_API', notes: 'Agreed with the API owner.' });
    expect(after.pathways[1]).toMatchObject({ proxy: { type: 'on-premise', locationId: 'acme-scc' }, probe: { deadlineMs: 20_000 } });
    expect(after.pathways[2]).toMatchObject({ auth: 'password', credentialName: 'ACME_SFTP_PW', sftp: { directory: '/in', user: 'ci', writeCheck: true }, checklistDone: ['ci-known-hosts'] });
    expect(after.systems.find((x) => x.id === files.id)).toMatchObject({ name: 'Acme file server', notes: 'DMZ' });
    expect(after.systems).toHaveLength(3);
  });
});
