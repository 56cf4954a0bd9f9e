/**
 * Cloud Integration's password rules, pure so the renderer, the CLI and the generator share them.
 * Keystore passwords: at least 8 characters, at least three of four classes, ASCII only
 * (ConnectionSetup/requirements-for-keystore-passwords). User Credentials: at most 255 characters.
 */
export const PASSWORD_CLASSES = ['lower', 'upper', 'digit', 'special'] as const;
export type PasswordClass = (typeof PASSWORD_CLASSES)[number];

/** Specials that survive shells, XML, URLs in forms and CSV without quoting trouble. */
export const SPECIAL_CHARACTERS = '!#$%*+-.:=?@^_~';

export const CHARACTER_SETS: Record<PasswordClass, string> = {
  lower: 'abcdefghijkmnopqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digit: '23456789',
  special: SPECIAL_CHARACTERS,
};

export const KEYSTORE_MIN_LENGTH = 8;
export const USER_CREDENTIALS_MAX_LENGTH = 255;
export const DEFAULT_PASSWORD_LENGTH = 24;

export interface RuleCheck {
  ok: boolean;
  problems: string[];
}

export function classifyCharacter(ch: string): PasswordClass | 'other' {
  if (/^[a-z]$/.test(ch)) return 'lower';
  if (/^[A-Z]$/.test(ch)) return 'upper';
  if (/^[0-9]$/.test(ch)) return 'digit';
  if (/^[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/.test(ch)) return 'special';
  return 'other';
}

export function classesIn(password: string): PasswordClass[] {
  const found = new Set<PasswordClass>();
  for (const ch of password) {
    const c = classifyCharacter(ch);
    if (c !== 'other') found.add(c);
  }
  return PASSWORD_CLASSES.filter((c) => found.has(c));
}

export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

export function checkKeystorePassword(password: string): RuleCheck {
  const problems: string[] = [];
  if (password.length < KEYSTORE_MIN_LENGTH) problems.push(`at least ${KEYSTORE_MIN_LENGTH} characters (has ${password.length})`);
  const classes = classesIn(password);
  if (classes.length < 3) problems.push(`at least three of lower case, upper case, digits, special characters (has ${classes.length})`);
  if (!isPrintableAscii(password)) problems.push('ASCII characters only');
  return { ok: problems.length === 0, problems };
}

export function checkUserCredentialsPassword(password: string): RuleCheck {
  const problems: string[] = [];
  if (password.length === 0) problems.push('must not be empty');
  if (password.length > USER_CREDENTIALS_MAX_LENGTH) problems.push(`at most ${USER_CREDENTIALS_MAX_LENGTH} characters (has ${password.length})`);
  return { ok: problems.length === 0, problems };
}

export interface PasswordOptions {
  length: number;
  classes: PasswordClass[];
}

export const DEFAULT_PASSWORD_OPTIONS: PasswordOptions = {
  length: DEFAULT_PASSWORD_LENGTH,
  classes: [...PASSWORD_CLASSES],
};

/** Checks generator options before any randomness is spent; returns the problem or undefined. */
export function checkPasswordOptions(options: PasswordOptions): { field: string; message: string } | undefined {
  if (!Number.isInteger(options.length) || options.length < 4 || options.length > USER_CREDENTIALS_MAX_LENGTH) {
    return { field: 'length', message: `length must be a whole number from 4 to ${USER_CREDENTIALS_MAX_LENGTH}` };
  }
  const classes = new Set(options.classes);
  if (classes.size === 0) return { field: 'classes', message: 'choose at least one character class' };
  if (classes.size > options.length) return { field: 'length', message: 'length must be at least the number of classes' };
  return undefined;
}
