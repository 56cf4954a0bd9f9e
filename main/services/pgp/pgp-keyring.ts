/**
 * The stored PGP keys: generate, import, list, remove, and resolve labels. Public halves are in
 * pgp-keys.json, private keys and passphrases in the vault (kind pgp-key → the OS keychain).
 * Every write is all-or-nothing: an import of five keys stores five or none.
 */
import { randomBytes } from 'node:crypto';
import * as openpgp from 'openpgp';
import type { PgpImportResult, PgpKeySummary, PgpKeyType } from '../../../shared/pgp/pgp-types';
import { AppError } from '../../../shared/result';
import type { VaultPort } from '../material/vault-port';
import type { DocumentStore } from '../store/document-store';
import { armoredPublicOf, generateRsaKey, readKeyring, unlock } from './pgp-codec';
import type { PgpDocument, PgpEntry } from './pgp-document';
import { keyFacts } from './pgp-facts';

export interface PgpKeyringDeps {
  vault: VaultPort;
  document: () => DocumentStore<PgpDocument>;
  now: () => Date;
}

export interface NewPgpKeyInput {
  label: string;
  userId: string;
  type?: PgpKeyType;
  expiresDays?: number;
  /** Omitted: a random passphrase is generated and kept in the keychain. */
  passphrase?: string;
  /** Only for test fixtures: the key's creation date (an expired key is made in the past). */
  createdAt?: Date;
}

export function createPgpKeyring(deps: PgpKeyringDeps) {
  const cache = new Map<string, PgpKeySummary>();

  async function summarize(e: PgpEntry): Promise<PgpKeySummary> {
    const hit = cache.get(e.fingerprint + e.publicKey.length + (e.credentialId ?? ''));
    if (hit && hit.label === e.label) return hit;
    const key = await openpgp.readKey({ armoredKey: e.publicKey });
    const facts = keyFacts(key);
    const summary: PgpKeySummary = {
      ...facts,
      hasSecretKey: !!e.credentialId,
      ...(e.credentialId ? { protected: true } : {}),
      label: e.label,
      role: e.credentialId ? 'own' : 'partner',
      ...(e.credentialId ? { credentialId: e.credentialId } : {}),
      addedAt: e.addedAt,
    };
    cache.set(e.fingerprint + e.publicKey.length + (e.credentialId ?? ''), summary);
    return summary;
  }

  const entries = () => deps.document().read().keys;

  function checkLabel(label: string, taken: Set<string>): string {
    const t = label.trim();
    if (!t) throw new AppError('INVALID_INPUT', 'A PGP key needs a label.', 'label');
    if (t.length > 200) throw new AppError('INVALID_INPUT', 'The label is longer than 200 characters.', 'label');
    if (taken.has(t)) throw new AppError('LABEL_TAKEN', `A PGP key labelled "${t}" already exists.`, 'label');
    return t;
  }

  /** Writes the vault credentials first, the document second; any failure removes what was written. */
  async function store(items: { entry: Omit<PgpEntry, 'credentialId' | 'addedAt'>; secret?: { privateKey: string; passphrase?: string }; meta: Record<string, unknown> }[]): Promise<PgpEntry[]> {
    const created: string[] = [];
    const at = deps.now().toISOString();
    try {
      const written: PgpEntry[] = [];
      for (const item of items) {
        let credentialId: string | undefined;
        if (item.secret) {
          const secret: Record<string, string> = { privateKey: item.secret.privateKey };
          if (item.secret.passphrase) secret.passphrase = item.secret.passphrase;
          const meta = await deps.vault.create({ kind: 'pgp-key', label: item.entry.label, meta: item.meta, secret });
          credentialId = meta.id;
          created.push(meta.id);
        }
        written.push({ ...item.entry, ...(credentialId ? { credentialId } : {}), addedAt: at });
      }
      deps.document().update((d) => ({ ...d, keys: [...d.keys, ...written] }));
      return written;
    } catch (e) {
      for (const id of created) await deps.vault.remove(id).catch(() => undefined);
      throw e;
    }
  }

  function vaultMeta(key: openpgp.Key) {
    const f = keyFacts(key);
    return { fingerprints: { pgp: f.fingerprint }, keyAlgorithm: f.algorithm, subject: f.primaryUserId, ...(f.expires ? { notAfter: f.expires } : {}) };
  }

  async function takenLabels(): Promise<Set<string>> {
    const vaultLabels = (await deps.vault.list()).map((c) => c.label);
    return new Set([...entries().map((e) => e.label), ...vaultLabels]);
  }

  /** A stored key by label, key ID or fingerprint (the forms a consultant types). */
  async function resolve(ref: string, field = 'label'): Promise<{ entry: PgpEntry; summary: PgpKeySummary }> {
    const r = ref.trim();
    const hex = r.replace(/^0x/i, '').replace(/\s+/g, '').toLowerCase();
    const all = entries();
    const entry = all.find((e) => e.label === r) ?? all.find((e) => /^[0-9a-f]{16,64}$/.test(hex) && e.fingerprint.endsWith(hex));
    if (!entry) throw new AppError('NOT_FOUND', `No PGP key "${ref}": see landscape pgp list.`, field);
    return { entry, summary: await summarize(entry) };
  }

  return {
    async list(): Promise<PgpKeySummary[]> {
      return Promise.all(entries().map(summarize));
    },

    async create(input: NewPgpKeyInput): Promise<PgpKeySummary> {
      const label = checkLabel(input.label, await takenLabels());
      const expiresDays = input.expiresDays ?? 730;
      if (!Number.isInteger(expiresDays) || expiresDays < 1 || expiresDays > 3650) throw new AppError('INVALID_INPUT', 'The expiry must be 1 to 3650 days.', 'expiresDays');
      const passphrase = input.passphrase ?? randomBytes(24).toString('base64url');
      if (passphrase.length < 8) throw new AppError('INVALID_INPUT', 'The passphrase needs at least 8 characters.', 'passphrase');
      const generated = await generateRsaKey({ type: input.type ?? 'rsa-2048', userId: input.userId, expiresDays, passphrase, ...(input.createdAt ? { date: input.createdAt } : {}) });
      const key = await openpgp.readKey({ armoredKey: generated.publicKey });
      const [entry] = await store([{ entry: { label, fingerprint: key.getFingerprint(), publicKey: generated.publicKey }, secret: { privateKey: generated.privateKey, passphrase }, meta: vaultMeta(key) }]);
      return summarize(entry!);
    },

    /** A .asc or .gpg file: public keys (partners') or secret keys (ours), one or many. */
    async importKeys(input: { data: Uint8Array | string; label: string; passphrase?: string }): Promise<PgpImportResult> {
      const ring = await readKeyring(input.data);
      const notes: string[] = [];
      // A file may carry a key twice (public next to secret): keep the secret one.
      const byFpr = new Map<string, openpgp.Key>();
      for (const k of ring.keys) {
        const prev = byFpr.get(k.getFingerprint());
        if (!prev || (k.isPrivate() && !prev.isPrivate())) byFpr.set(k.getFingerprint(), k);
        if (prev) notes.push(`Key ${k.getKeyID().toHex().toUpperCase()} appears twice in the file; stored once.`);
      }
      const keys = [...byFpr.values()];
      const taken = await takenLabels();
      const base = input.label.trim();
      const labels = keys.length === 1 ? [checkLabel(base, taken)] : keys.map((_, i) => checkLabel(`${base} ${i + 1}`, taken));
      const have = new Map(entries().map((e) => [e.fingerprint, e.label]));
      const items = [];
      for (const [i, k] of keys.entries()) {
        const existing = have.get(k.getFingerprint());
        if (existing) throw new AppError('ALREADY_STORED', `Key ${k.getKeyID().toHex().toUpperCase()} is already stored as "${existing}"; nothing was imported.`, 'file');
        let secret: { privateKey: string; passphrase?: string } | undefined;
        if (k.isPrivate()) {
          const priv = k as openpgp.PrivateKey;
          if (priv.isDecrypted()) {
            // Never keep a secret key unprotected: lock it with a random passphrase kept beside it.
            const passphrase = randomBytes(24).toString('base64url');
            secret = { privateKey: (await openpgp.encryptKey({ privateKey: priv, passphrase })).armor(), passphrase };
            notes.push(`Secret key ${k.getKeyID().toHex().toUpperCase()} had no passphrase: it is stored under a generated one, and exports protect it with the export passphrase.`);
          } else {
            await unlock(priv, input.passphrase);
            secret = { privateKey: priv.armor(), passphrase: input.passphrase! };
          }
        }
        items.push({ entry: { label: labels[i]!, fingerprint: k.getFingerprint(), publicKey: await armoredPublicOf(k) }, ...(secret ? { secret } : {}), meta: vaultMeta(k) });
      }
      const written = await store(items);
      return { imported: await Promise.all(written.map(summarize)), notes };
    },

    resolve,

    /** The stored entries as they are (public halves, vault credential ids): what a bundle carries. */
    entries,

    /**
     * A bundle import: new entries, and stored public keys that get their secret half (the vault
     * credential the same import wrote), in one document write. undo() takes exactly that back.
     */
    importEntries(add: PgpEntry[], upgrade: Array<{ fingerprint: string; credentialId: string }>): { undo(): void } {
      if (!add.length && !upgrade.length) return { undo: () => undefined };
      const added = new Set(add.map((e) => e.fingerprint));
      const upgraded = new Map(upgrade.map((u) => [u.fingerprint, u.credentialId]));
      deps.document().update((d) => ({ ...d, keys: [...d.keys.map((e) => (upgraded.has(e.fingerprint) && !e.credentialId ? { ...e, credentialId: upgraded.get(e.fingerprint)! } : e)), ...add] }));
      return {
        undo: () =>
          deps.document().update((d) => ({
            ...d,
            keys: d.keys.filter((e) => !added.has(e.fingerprint)).map((e) => (upgraded.get(e.fingerprint) === e.credentialId ? { label: e.label, fingerprint: e.fingerprint, publicKey: e.publicKey, addedAt: e.addedAt } : e)),
          })),
      };
    },

    async remove(ref: string): Promise<{ removed: string }> {
      const { entry } = await resolve(ref);
      deps.document().update((d) => ({ ...d, keys: d.keys.filter((e) => e.fingerprint !== entry.fingerprint) }));
      if (entry.credentialId) await deps.vault.remove(entry.credentialId).catch(() => undefined);
      return { removed: entry.label };
    },

    /** MAIN ONLY: the unlocked private key of an own key (for exports, signing, decrypting). */
    async privateKey(ref: string, field = 'label'): Promise<{ key: openpgp.PrivateKey; summary: PgpKeySummary }> {
      const { entry, summary } = await resolve(ref, field);
      if (!entry.credentialId) throw new AppError('NO_SECRET_KEY', `"${entry.label}" is a partner's public key: there is no secret key to use.`, field);
      const secret = await deps.vault.readSecret(entry.credentialId);
      const key = await openpgp.readPrivateKey({ armoredKey: secret.privateKey! });
      return { key: await unlock(key, secret.passphrase), summary };
    },
  };
}

export type PgpKeyring = ReturnType<typeof createPgpKeyring>;
