/**
 * A keystore file names its own key-derivation cost (PBKDF2 iterations, PKCS#12 KDF iterations),
 * and forge runs whatever it says — synchronously. A hostile .p12 asking for 2^31 iterations, or
 * for 2,048 in each of 10,000 bags, would hold the main process for hours (found by `npm run
 * fuzz`). While `withKdfBudget` runs, every KDF call forge makes is counted against one budget for
 * the whole file, far above what real tools write (OpenSSL 2,048, Windows 2,000, Java keytool
 * 10,000 iterations; a MAC plus a few bags), and the read stops with KdfBudgetExceeded past it.
 *
 * Units: one PKCS#12 KDF iteration (run natively below); a native PBKDF2 iteration (see
 * forge-native-pbkdf2.ts) counts 1/2 (two HMAC compressions against one hash of a longer input).
 */
import './forge-native-pbkdf2';
import { createHash } from 'node:crypto';
import forge from 'node-forge';

export const PKCS12_KDF_BUDGET = 100_000;
const PBKDF2_WEIGHT = 1 / 2;

export class KdfBudgetExceeded extends Error {
  constructor(readonly detail: string) {
    super(`key derivation budget exceeded: ${detail}`);
  }
}

type GenerateKey = (password: unknown, salt: unknown, id: number, iter: number, n: number, md?: unknown) => unknown;
type Pbkdf2 = (p: string, s: string, c: number, dkLen: number, md?: unknown, cb?: unknown) => string;
type Md = { algorithm?: string; digestLength: number; blockLength: number };

let remaining: number | undefined;

function charge(units: number, what: string): void {
  if (remaining === undefined) return;
  if (!Number.isFinite(units) || units < 0 || units > remaining) {
    remaining = -1;
    throw new KdfBudgetExceeded(what);
  }
  remaining -= units;
}

const f = forge as unknown as {
  pkcs12: { generateKey: GenerateKey & { budgeted?: boolean } };
  pkcs5: { pbkdf2: Pbkdf2 & { budgeted?: boolean } };
  pki: { pbe: { generatePkcs12Key: GenerateKey } };
};

/** forge's own JavaScript PKCS#12 KDF, kept for algorithms Node has no hash for (and for the test). */
export const forgePkcs12Key: GenerateKey = f.pki.pbe.generatePkcs12Key;
const NATIVE = new Set(['md5', 'sha1', 'sha256', 'sha384', 'sha512']);

function repeatTo(src: Buffer, len: number): Buffer {
  const out = Buffer.alloc(len);
  for (let i = 0; i < len; i++) out[i] = src[i % src.length]!;
  return out;
}

/**
 * RFC 7292 B.2 with Node's hashes (~10× forge's JavaScript digest on the same input, same output;
 * test/unit/material/hostile-material.test.ts compares them): the MAC and legacy bag keys of a
 * .p12 from Windows or keytool cost milliseconds, not a second, on a busy laptop.
 */
export const nativePkcs12Key: GenerateKey = (password, salt, id, iter, n, mdIn) => {
  const md = (mdIn ?? { algorithm: 'sha1', digestLength: 20, blockLength: 64 }) as Md;
  if (!md.algorithm || !NATIVE.has(md.algorithm)) return forgePkcs12Key(password, salt, id, iter, n, mdIn);
  if (!(iter >= 1)) throw new Error('PKCS#12 key derivation iteration count must be >= 1.');
  const { digestLength: u, blockLength: v, algorithm } = md;
  let pass = Buffer.alloc(0);
  if (password !== null && password !== undefined) {
    const text = String(password);
    pass = Buffer.alloc(text.length * 2 + 2);
    for (let l = 0; l < text.length; l++) pass.writeUInt16BE(text.charCodeAt(l), 2 * l);
  }
  const saltBytes = Buffer.from((salt as { bytes(): string }).bytes(), 'binary');
  let I = Buffer.concat([repeatTo(saltBytes, v * Math.ceil(saltBytes.length / v)), repeatTo(pass, v * Math.ceil(pass.length / v))]);
  const D = Buffer.alloc(v, id);
  const blocks: Buffer[] = [];
  for (let i = 1; i <= Math.ceil(n / u); i++) {
    let a = createHash(algorithm).update(D).update(I).digest();
    for (let r = 1; r < iter; r++) a = createHash(algorithm).update(a).digest();
    const b = repeatTo(a, v);
    const next = Buffer.alloc(I.length);
    for (let j = 0; j < I.length; j += v) {
      let x = 0x1ff;
      for (let l = v - 1; l >= 0; l--) {
        x = (x >> 8) + b[l]! + I[j + l]!;
        next[j + l] = x & 0xff;
      }
    }
    I = next;
    blocks.push(a);
  }
  return forge.util.createBuffer(Buffer.concat(blocks).subarray(0, n).toString('binary'));
};

if (!f.pkcs12.generateKey.budgeted) {
  const wrapped: GenerateKey & { budgeted?: boolean } = (password, salt, id, iter, n, md) => {
    charge(iter, `${iter} PKCS#12 KDF iterations`);
    return nativePkcs12Key(password, salt, id, iter, n, md);
  };
  wrapped.budgeted = true;
  f.pkcs12.generateKey = wrapped;
  // forge's PBE code calls the KDF through pki.pbe.generatePkcs12Key: the same wrapper there.
  f.pki.pbe.generatePkcs12Key = wrapped;
}
if (!f.pkcs5.pbkdf2.budgeted) {
  const original = f.pkcs5.pbkdf2;
  const wrapped: Pbkdf2 & { budgeted?: boolean } = (p, s, c, dkLen, md, cb) => {
    charge(c * PBKDF2_WEIGHT, `${c} PBKDF2 iterations`);
    return original(p, s, c, dkLen, md, cb);
  };
  wrapped.budgeted = true;
  f.pkcs5.pbkdf2 = wrapped;
}

/** Runs `read` (synchronous forge work) with the budget in force. */
export function withKdfBudget<T>(read: () => T, budget = PKCS12_KDF_BUDGET): T {
  remaining = budget;
  try {
    return read();
  } finally {
    remaining = undefined;
  }
}
