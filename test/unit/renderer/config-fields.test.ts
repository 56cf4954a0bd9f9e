import { describe, expect, it } from 'vitest';
import { credentialsFor } from '../../../renderer/src/diagram/config-fields';

const all = ['basic', 'oauth2-client', 'client-certificate', 'key-pair', 'ssh-key', 'pkcs12-passphrase', 'service-key', 'pgp-key'].map((kind) => ({ id: kind, label: kind, kind }));

describe('credential picker', () => {
  it('lists only the kinds the chosen authentication can use', () => {
    expect(credentialsFor('basic', all).map((c) => c.kind)).toEqual(['basic']);
    expect(credentialsFor('client-certificate', all).map((c) => c.kind)).toEqual(['client-certificate']);
    expect(credentialsFor('oauth2-client-credentials', all).map((c) => c.kind)).toEqual(['oauth2-client', 'service-key']);
    expect(credentialsFor('public-key', all).map((c) => c.kind)).toEqual(['ssh-key']);
    expect(credentialsFor('none', all)).toEqual([]);
    // A key still waiting for its certificate, a PKCS#12 password or a PGP key is never offered.
    for (const auth of ['basic', 'client-certificate', 'oauth2-client-credentials', 'password', 'public-key', 'dual', 'plain', 'encrypted'] as const)
      expect(credentialsFor(auth, all).map((c) => c.kind)).not.toEqual(expect.arrayContaining(['key-pair']));
  });
});
