/**
 * How a landscape file names credentials: by label and fingerprint, never by this machine's vault
 * id, so a colleague's import can relink to their own keychain entries. The vault is read through
 * this narrow interface (only metadata, never a secret).
 */
export interface CredentialRef {
  label: string;
  fingerprint?: string;
}

export interface CredentialLinks {
  /** The label and fingerprint of a vault entry, or undefined when the id is unknown here. */
  refOf(id: string): Promise<CredentialRef | undefined>;
  /** The local vault id for a reference: same fingerprint wins, else the same label. */
  findId(ref: CredentialRef): Promise<string | undefined>;
}

export const noCredentialLinks: CredentialLinks = {
  refOf: async () => undefined,
  findId: async () => undefined,
};

interface MetaLike {
  id: string;
  label: string;
  fingerprints?: { sha256?: string; ssh?: string; publicKeySha256?: string };
}

const fingerprintOf = (m: MetaLike) => m.fingerprints?.sha256 ?? m.fingerprints?.ssh ?? m.fingerprints?.publicKeySha256;

/** Links over the vault's metadata list. A keychain that is unavailable simply links nothing. */
export function createVaultCredentialLinks(vault: { list(): Promise<MetaLike[]> }): CredentialLinks {
  const all = async () => vault.list().catch(() => [] as MetaLike[]);
  return {
    async refOf(id) {
      const m = (await all()).find((x) => x.id === id);
      if (!m) return undefined;
      const fingerprint = fingerprintOf(m);
      return fingerprint ? { label: m.label, fingerprint } : { label: m.label };
    },
    async findId(ref) {
      const list = await all();
      const byFingerprint = ref.fingerprint ? list.find((m) => fingerprintOf(m) === ref.fingerprint) : undefined;
      return (byFingerprint ?? list.find((m) => m.label === ref.label))?.id;
    },
  };
}
