import { describe, expect, it } from 'vitest';
import {
  CHARACTER_SETS,
  checkKeystorePassword,
  checkUserCredentialsPassword,
  classesIn,
  DEFAULT_PASSWORD_OPTIONS,
} from '../../../shared/vault/password-rules';
import { generatePassword } from '../../../main/services/vault/password-generator';
import { AppError } from '../../../shared/result';

describe('Cloud Integration password rules', () => {
  it('keystore rule: at least 8 characters, three of four classes, ASCII only', () => {
    expect(checkKeystorePassword('Abcdef1!').ok).toBe(true);
    expect(checkKeystorePassword('abcdef12').problems).toEqual([expect.stringMatching(/three of/)]);
    expect(checkKeystorePassword('Ab1!').problems).toEqual([expect.stringMatching(/at least 8/)]);
    expect(checkKeystorePassword('Abcdéf1!').problems).toEqual([expect.stringMatching(/ASCII/)]);
    expect(checkKeystorePassword('ABCDEFG1!').ok).toBe(true);
  });

  it('User Credentials: non-empty and at most 255 characters', () => {
    expect(checkUserCredentialsPassword('x'.repeat(255)).ok).toBe(true);
    expect(checkUserCredentialsPassword('x'.repeat(256)).problems[0]).toMatch(/at most 255/);
    expect(checkUserCredentialsPassword('').ok).toBe(false);
  });

  it('classifies characters into the four classes', () => {
    expect(classesIn('aB3')).toEqual(['lower', 'upper', 'digit']);
    expect(classesIn('~')).toEqual(['special']);
    expect(classesIn('ü ')).toEqual([]);
  });
});

describe('password generator (node:crypto randomInt)', () => {
  it('defaults satisfy the keystore rule and the User Credentials limit, every time', () => {
    for (let i = 0; i < 300; i++) {
      const pw = generatePassword();
      expect(pw).toHaveLength(DEFAULT_PASSWORD_OPTIONS.length);
      expect(checkKeystorePassword(pw)).toEqual({ ok: true, problems: [] });
      expect(checkUserCredentialsPassword(pw).ok).toBe(true);
      expect(classesIn(pw)).toEqual(['lower', 'upper', 'digit', 'special']);
    }
  });

  it('honours length and classes, drawing only from the chosen sets', () => {
    const pw = generatePassword({ length: 255, classes: ['digit', 'upper'] });
    expect(pw).toHaveLength(255);
    expect([...pw].every((c) => (CHARACTER_SETS.digit + CHARACTER_SETS.upper).includes(c))).toBe(true);
    expect(classesIn(pw)).toEqual(['upper', 'digit']);
    expect(generatePassword({ length: 8 })).toHaveLength(8);
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 500 }, () => generatePassword({ length: 12 })));
    expect(seen.size).toBe(500);
  });

  it('refuses impossible options with the field named', () => {
    const attempt = (o: Parameters<typeof generatePassword>[0]) => {
      try {
        generatePassword(o);
        return undefined;
      } catch (e) {
        return e instanceof AppError ? e.field : 'not an AppError';
      }
    };
    expect(attempt({ length: 3 })).toBe('length');
    expect(attempt({ length: 256 })).toBe('length');
    expect(attempt({ classes: [] })).toBe('classes');
    expect(attempt({ length: 4, classes: ['lower', 'upper', 'digit', 'special'] })).toBeUndefined();
  });
});
