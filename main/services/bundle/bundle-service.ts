/**
 * Bundles: send landscapes with their secrets to another laptop, receive them all or nothing.
 * Export encrypts in memory and writes only the ciphertext (write-and-rename, mode 0600). Import
 * decrypts in memory, validates and plans (`open`, which answers with a preview under a token),
 * then `apply` writes with the user's choices; an opened bundle is forgotten after apply, discard,
 * or ten minutes. Nothing decrypted ever reaches the disk or the renderer.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { bundleText, MAX_BUNDLE_BYTES } from '../../../shared/bundle/bundle-document';
import type { BundleApplied, BundleExported, BundlePreview, ConflictChoice } from '../../../shared/ipc/bundle-channels';
import { AppError } from '../../../shared/result';
import type { Redactor } from '../logger';
import type { LandscapesService } from '../landscapes/landscapes-service';
import { createVaultCredentialLinks } from '../landscapes/credential-links';
import type { SecretClipboard } from '../vault/secret-clipboard';
import type { Vault } from '../vault/vault';
import { decryptBundle, encryptBundle, type BundleKey } from './age-crypto';
import { applyBundle } from './bundle-apply';
import { gatherBundle } from './bundle-export';
import type { BundlePgpPort } from './bundle-pgp';
import type { BundleIdentityService } from './bundle-identity';
import { planBundle, type BundlePlan } from './bundle-plan';
import { generatePassphrase } from './passphrase';

export type ExportKey = BundleKey | { generatePassphrase: true };

export interface BundleServiceDeps {
  vault: Vault;
  landscapes: LandscapesService;
  identity: BundleIdentityService;
  redactor: Redactor;
  clipboard: SecretClipboard;
  now: () => Date;
  /** Tests may lower scrypt's work factor for speed; the app always uses age's default (2^18). */
  scryptLogN?: number;
  /** services.pgp: the PGP keys the landscapes use travel with them. */
  pgp?: BundlePgpPort;
}

const OPEN_FOR_MS = 10 * 60_000;
export const MIN_PASSPHRASE_LENGTH = 10;

function writeAtomically(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new AppError('WRITE_FAILED', `Could not write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}. Choose another folder.`, 'path');
  }
}

function readBundleFile(path: string): Uint8Array {
  if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', 'path: the file path must be absolute.', 'path');
  try {
    if (statSync(path).size > MAX_BUNDLE_BYTES) throw new AppError('BUNDLE_REFUSED', `The file is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MiB: not a bundle this app made.`, 'path');
    return readFileSync(path);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('READ_FAILED', `Could not read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`, 'path');
  }
}

export function createBundleService(deps: BundleServiceDeps) {
  const opened = new Map<string, { text: string; timer: ReturnType<typeof setTimeout> }>();
  const generated = new Map<string, { passphrase: string; shown: boolean }>();

  function keptPassphrase(passphraseToken: string): { passphrase: string; shown: boolean } {
    const kept = generated.get(passphraseToken);
    if (!kept) throw new AppError('NOT_FOUND', 'That passphrase is no longer kept (ten minutes have passed); export again for a new one.', 'passphraseToken');
    return kept;
  }

  function forget(token: string): boolean {
    const entry = opened.get(token);
    if (entry) clearTimeout(entry.timer);
    return opened.delete(token);
  }

  const planText = async (text: string): Promise<BundlePlan> =>
    planBundle(text, {
      localCredentials: await deps.vault.list(),
      readLocalSecret: (id) => deps.vault.readSecret(id).catch(() => undefined),
      localLandscapes: deps.landscapes.list(),
      checkLandscapeText: (t) => deps.landscapes.files.checkText(t),
    });

  async function keyFor(key: ExportKey): Promise<{ key: BundleKey; passphrase?: string }> {
    if ('generatePassphrase' in key) {
      const passphrase = generatePassphrase();
      deps.redactor.add(passphrase);
      return { key: { passphrase }, passphrase };
    }
    if ('passphrase' in key) {
      if (key.passphrase.length < MIN_PASSPHRASE_LENGTH) {
        throw new AppError('WEAK_PASSPHRASE', `The passphrase is shorter than ${MIN_PASSPHRASE_LENGTH} characters, too weak against offline guessing; use a longer one or let the app generate one.`, 'passphrase');
      }
      deps.redactor.add(key.passphrase);
      return { key };
    }
    return { key: { recipient: key.recipient.trim() } };
  }

  return {
    identity: () => deps.identity.show(),

    async exportBundle(refs: string[], path: string, exportKey: ExportKey): Promise<BundleExported> {
      if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', 'path: the file path must be absolute.', 'path');
      const { key, passphrase } = await keyFor(exportKey);
      const gathered = await gatherBundle(refs, deps);
      const bytes = await encryptBundle(bundleText(gathered.doc), key, deps.scryptLogN);
      writeAtomically(path, bytes);
      const result: BundleExported = {
        path,
        bytes: bytes.length,
        landscapes: gathered.names,
        credentials: gathered.doc.credentials.length,
        encryptedWith: 'recipient' in key ? 'recipient' : 'passphrase',
        unlinked: gathered.unlinked,
      };
      if (passphrase) {
        const passphraseToken = randomBytes(16).toString('hex');
        generated.set(passphraseToken, { passphrase, shown: false });
        setTimeout(() => generated.delete(passphraseToken), OPEN_FOR_MS).unref?.();
        result.passphraseToken = passphraseToken;
      }
      return result;
    },

    /** Shows the generated passphrase once (the user's explicit act); copying stays possible. */
    revealPassphrase(passphraseToken: string): { passphrase: string } {
      const kept = keptPassphrase(passphraseToken);
      if (kept.shown) throw new AppError('ALREADY_SHOWN', 'The passphrase was shown once already; use Copy, or export again for a new one.', 'passphraseToken');
      kept.shown = true;
      return { passphrase: kept.passphrase };
    },

    copyPassphrase: (passphraseToken: string) => deps.clipboard.copy(keptPassphrase(passphraseToken).passphrase),

    async open(path: string, passphrase?: string): Promise<BundlePreview> {
      const bytes = readBundleFile(path);
      if (passphrase) deps.redactor.add(passphrase);
      const identity = await deps.identity.secretKey();
      const { text, encryptedWith } = await decryptBundle(bytes, { identity, ...(passphrase ? { passphrase } : {}) });
      const plan = await planText(text);
      for (const c of plan.doc.credentials) for (const v of Object.values(c.secret)) if (v.length >= 4) deps.redactor.add(v);
      const token = randomBytes(16).toString('hex');
      const timer = setTimeout(() => forget(token), OPEN_FOR_MS);
      timer.unref?.();
      opened.set(token, { text, timer });
      const credentials = plan.credentials.map((c) => c.preview);
      const landscapes = plan.landscapes.map((l) => l.preview);
      const conflicts = [...credentials, ...landscapes].filter((x) => x.status === 'conflict').length;
      return { token, createdAt: plan.doc.createdAt, encryptedWith, landscapes, credentials, conflicts };
    },

    async apply(token: string, choices: Record<string, ConflictChoice>, fallback?: ConflictChoice): Promise<BundleApplied> {
      const entry = opened.get(token);
      if (!entry) throw new AppError('NOT_FOUND', 'This bundle is no longer open (ten minutes passed or it was applied); open it again.', 'token');
      // Planned again: the vault or the landscapes may have changed since the preview.
      const result = await applyBundle(await planText(entry.text), choices, fallback, {
        localCredentials: await deps.vault.list(),
        localLandscapeNames: deps.landscapes.list().map((l) => l.name),
        links: createVaultCredentialLinks(deps.vault),
        importBatch: (items) => deps.vault.importBatch(items),
        importLandscapes: (add, removeIds) => deps.landscapes.importMany(add, removeIds),
        newId: deps.landscapes.newId,
        now: deps.now,
        ...(deps.pgp ? { pgp: deps.pgp } : {}),
      });
      forget(token);
      return result;
    },

    discard: (token: string) => ({ discarded: forget(token) }),
  };
}

export type BundleService = ReturnType<typeof createBundleService>;
