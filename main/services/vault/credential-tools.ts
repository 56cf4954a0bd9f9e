/**
 * The explicit user acts around the vault, for IPC and CLI: generate a password (kept in main as
 * a short-lived draft, so the renderer never holds it), copy a secret to the clipboard, import a
 * BTP service key.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/result';
import { PASSWORD_CLASSES, type PasswordOptions } from '../../../shared/vault/password-rules';
import { checkPassword, generatePassword } from './password-generator';
import type { CopiedSecret, GeneratedPassword, ServiceKeyImportResult } from '../../../shared/vault/credential-responses';
import type { SecretClipboard } from './secret-clipboard';
import { importServiceKey } from './service-key-import';
import type { Vault } from './vault';
import type { Redactor } from '../logger';

export type { GeneratedPassword };

export interface CredentialTools {
  generatePassword(options?: Partial<PasswordOptions>): GeneratedPassword;
  /** Returns the generated password once (main only) and forgets it. */
  takeGenerated(generatedId: string): string;
  copy(id: string, field?: string): Promise<CopiedSecret>;
  importServiceKey(text: string, label?: string): Promise<ServiceKeyImportResult>;
}

const DRAFT_TTL_MS = 10 * 60_000;

export function createCredentialTools(deps: { vault: Vault; clipboard: SecretClipboard; redactor: Redactor; now: () => Date }): CredentialTools {
  const drafts = new Map<string, { password: string; expires: number }>();
  const sweep = () => {
    const t = deps.now().getTime();
    for (const [id, d] of drafts) if (d.expires < t) drafts.delete(id);
  };
  return {
    generatePassword(options) {
      sweep();
      const password = generatePassword(options);
      deps.redactor.add(password);
      const generatedId = `gen-${randomBytes(8).toString('hex')}`;
      drafts.set(generatedId, { password, expires: deps.now().getTime() + DRAFT_TTL_MS });
      const wanted = options?.classes ?? PASSWORD_CLASSES;
      const classes = PASSWORD_CLASSES.filter((c) => wanted.includes(c));
      return { generatedId, length: password.length, classes, checks: checkPassword(password) };
    },
    takeGenerated(generatedId) {
      sweep();
      const draft = drafts.get(generatedId);
      if (!draft) throw new AppError('GENERATED_EXPIRED', 'The generated password has expired; generate a new one.', 'generatedId');
      drafts.delete(generatedId);
      return draft.password;
    },
    async copy(id, field) {
      const secret = await deps.vault.readSecret(id);
      const name = field ?? Object.keys(secret)[0] ?? '';
      const value = secret[name];
      if (value === undefined) throw new AppError('INVALID_INPUT', `This credential has no secret field "${field}".`, 'field');
      return { field: name, ...(await deps.clipboard.copy(value)) };
    },
    importServiceKey: (text, label) => importServiceKey(deps.vault, text, label),
  };
}
