/**
 * The keytar API, as the rest of main sees it. `@github/keytar` is the production backend; a test
 * may wrap it (e.g. to make a write fail) but never replace the keychain with plaintext storage.
 */
export interface SecretBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export type BackendLoader = () => Promise<SecretBackend>;

/** Loads the native keytar module lazily, so a missing libsecret is a status, not a crash at start-up. */
export const loadKeytar: BackendLoader = async () => {
  const mod = (await import('@github/keytar')) as unknown as SecretBackend & { default?: SecretBackend };
  return mod.default ?? mod;
};
