/**
 * forge runs PBKDF2 in JavaScript whenever the PRF is given as a digest object — which is how its
 * PBES2 code (PKCS#8 and PKCS#12 encryption with HMAC-SHA256) calls it — ~30× slower than Node's
 * native pbkdf2. This wraps forge.pkcs5.pbkdf2 once so those calls go native: same inputs
 * (forge's binary strings), same output. Imported by the PKCS#12 modules before they use forge.
 */
import forge from 'node-forge';

type Pbkdf2 = (p: string, s: string, c: number, dkLen: number, md?: unknown, cb?: unknown) => string;

const NATIVE = new Set(['sha1', 'sha256', 'sha384', 'sha512']);
const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 & { nativeWrapped?: boolean } };

if (!pkcs5.pbkdf2.nativeWrapped) {
  const original = pkcs5.pbkdf2;
  const wrapped: Pbkdf2 & { nativeWrapped?: boolean } = (p, s, c, dkLen, md, cb) => {
    const name = md && typeof md === 'object' ? (md as { algorithm?: string }).algorithm : undefined;
    return original(p, s, c, dkLen, name && NATIVE.has(name) ? name : md, cb);
  };
  wrapped.nativeWrapped = true;
  pkcs5.pbkdf2 = wrapped;
}

export const forgeWithNativePbkdf2 = forge;
