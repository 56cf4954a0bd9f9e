/**
 * The passphrase a bundle gets by default: 6 groups of 5 characters from a 31-letter alphabet
 * without look-alikes (no 0/o, 1/l/i), e.g. `k7m2q-x9r4t-…`: 148 bits from the OS CSPRNG, easy to
 * read out over the phone, far beyond what offline guessing against scrypt (2^18) can reach.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 6;
const GROUP_LENGTH = 5;

export function generatePassphrase(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET.charAt(randomInt(ALPHABET.length));
    groups.push(group);
  }
  return groups.join('-');
}
