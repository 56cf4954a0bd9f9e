/**
 * Passwords from the OS CSPRNG (node:crypto randomInt: uniform, no modulo bias). At least one
 * character of every chosen class, the rest drawn from their union, then shuffled (Fisher-Yates),
 * so the defaults always pass Cloud Integration's keystore rule and the User Credentials limit.
 */
import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/result';
import {
  CHARACTER_SETS,
  checkKeystorePassword,
  checkPasswordOptions,
  checkUserCredentialsPassword,
  DEFAULT_PASSWORD_OPTIONS,
  type PasswordOptions,
} from '../../../shared/vault/password-rules';
import type { PasswordChecks } from '../../../shared/vault/credential-responses';

export type { PasswordChecks };

export function generatePassword(options: Partial<PasswordOptions> = {}): string {
  const opts: PasswordOptions = { ...DEFAULT_PASSWORD_OPTIONS, ...options };
  const problem = checkPasswordOptions(opts);
  if (problem) throw new AppError('INVALID_INPUT', problem.message, problem.field);
  const classes = [...new Set(opts.classes)];
  const pick = (set: string) => set.charAt(randomInt(set.length));
  const chars = classes.map((c) => pick(CHARACTER_SETS[c]));
  const all = classes.map((c) => CHARACTER_SETS[c]).join('');
  while (chars.length < opts.length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}

export function checkPassword(password: string): PasswordChecks {
  return { keystore: checkKeystorePassword(password), userCredentials: checkUserCredentialsPassword(password) };
}
