/** A manual proxy's Basic credential from the vault: user and password, or a finding saying what is missing. */
import type { VaultReader } from '../probes/probe-material';
import { RouteFailure } from './route-failure';

export function vaultProxyCredential(vault: VaultReader) {
  return async (id: string): Promise<{ user: string; password: string }> => {
    let user: string | undefined;
    let password: string | undefined;
    try {
      const [meta, secret] = await Promise.all([vault.get(id), vault.readSecret(id)]);
      user = meta.user;
      password = secret.password;
    } catch {
      throw new RouteFailure('model.credential-missing', { detail: 'the proxy credential could not be read from the vault' });
    }
    if (!user || !password) throw new RouteFailure('model.credential-missing', { detail: 'the proxy credential has no user and password' });
    return { user, password };
  };
}
