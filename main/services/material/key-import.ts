/** Reads a PEM private key (PKCS#1, PKCS#8, SEC1; encrypted or not) into unencrypted PKCS#8 PEM. */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { AppError } from '../../../shared/result';
import { assertKeyDerivationCost } from './kdf-cost';
import { findPemBlocks } from './pem-blocks';

const KEY_LABELS = ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'];

export function isEncryptedPem(pem: string): boolean {
  return pem.includes('ENCRYPTED PRIVATE KEY') || /Proc-Type:\s*4,ENCRYPTED/.test(pem);
}

export function readPrivateKeyPem(pem: string, passphrase?: string): { key: KeyObject; pkcs8Pem: string } {
  const encrypted = isEncryptedPem(pem);
  if (encrypted && !passphrase) throw new AppError('PASSPHRASE_REQUIRED', 'The private key is encrypted: give its passphrase.', 'passphrase');
  assertKeyDerivationCost(pem);
  let key: KeyObject;
  try {
    key = encrypted ? createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase as string }) : createPrivateKey(pem);
  } catch {
    if (encrypted) throw new AppError('WRONG_PASSPHRASE', 'Wrong passphrase for the private key: nothing was imported.', 'passphrase');
    throw new AppError('KEY_UNREADABLE', 'The private key could not be read (PEM PKCS#1, PKCS#8 or SEC1 expected).', 'key');
  }
  return { key, pkcs8Pem: key.export({ type: 'pkcs8', format: 'pem' }) as string };
}

/** Splits a PEM bundle into its private key block (if any) and the rest. */
export function splitPemKey(text: string): { keyPem?: string; rest: string } {
  const [block] = findPemBlocks(text, KEY_LABELS, 1);
  if (!block) return { rest: text };
  return { keyPem: block.text + '\n', rest: text.slice(0, block.start) + text.slice(block.end) };
}
