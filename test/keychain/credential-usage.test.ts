import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { createEventHub } from '../../main/ipc/event-hub';
import { createHandlers } from '../../main/ipc/handlers';
import type { CredentialList } from '../../shared/vault/credential-responses';
import { createTestServices } from '../support/test-services';

describe('credentials:list tells which pathways use each credential', () => {
  it('derives usage from the landscapes (pathway and modelled keystore entry)', async () => {
    const s = createTestServices();
    const cred = await s.vault.create({ kind: 'basic', label: 'SSCv2 user', meta: { user: 'u' }, secret: { password: 'pw-usage-1' } });
    const unused = await s.vault.create({ kind: 'basic', label: 'unused', meta: { user: 'u' }, secret: { password: 'pw-usage-2' } });
    const l = s.landscapes.create({ templateId: 's4-sscv2', name: 'ACME' });
    s.landscapes.updatePathway(l.id, '2', { credentialId: cred.id });
    const dispatch = createDispatcher(createHandlers(s), s.log);
    const r = await dispatch('credentials:list', undefined, createEventHub().context());
    expect(r.ok).toBe(true);
    const list = (r as { value: CredentialList }).value;
    expect(list.usage[cred.id]).toEqual([{ landscapeId: l.id, landscapeName: 'ACME', what: expect.stringMatching(/^pathway 2: .+ → .+$/) }]);
    expect(list.usage[unused.id]).toBeUndefined();
    for (const c of [cred, unused]) await s.vault.remove(c.id);
  });
});
