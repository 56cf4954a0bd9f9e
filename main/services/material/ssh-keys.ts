/**
 * SSH key pairs for SFTP (ed25519, RSA 4096), in OpenSSH format, their public lines and fingerprints
 * exactly as `ssh-keygen -lf` prints them.
 */
import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';
import { AppError } from '../../../shared/result';
import { assertKeyDerivationCost } from './kdf-cost';

// ssh2 is CommonJS: the bundled ESM CLI can only take its default export.
const { utils } = ssh2;

export const SSH_KEY_TYPES = ['ed25519', 'rsa-4096'] as const;
export type SshKeyType = (typeof SSH_KEY_TYPES)[number];

export interface SshKeyPair {
  /** OpenSSH private key (encrypted with aes256-ctr + bcrypt when a passphrase is given). */
  privateKey: string;
  /** `ssh-ed25519 AAAA… comment`. */
  publicKey: string;
  fingerprint: string;
}

export function generateSshKeyPair(type: SshKeyType, comment: string, passphrase?: string): Promise<SshKeyPair> {
  const opts: Record<string, unknown> = { comment };
  if (type === 'rsa-4096') opts.bits = 4096;
  if (passphrase) Object.assign(opts, { passphrase, cipher: 'aes256-ctr', rounds: 16 });
  return new Promise((resolve, reject) => {
    // The callback form generates on the thread pool (RSA 4096 takes seconds).
    utils.generateKeyPair(type === 'ed25519' ? 'ed25519' : 'rsa', opts as never, (err, keys) => {
      if (err) return reject(err);
      const publicKey = keys.public.trim();
      resolve({ privateKey: keys.private, publicKey, fingerprint: sshFingerprint(publicKey) });
    });
  });
}

/** `SHA256:` + unpadded base64 of SHA-256 over the key blob, as `ssh-keygen -lf` prints it. */
export function sshFingerprint(publicLineOrBase64: string): string {
  const parts = publicLineOrBase64.trim().split(/\s+/);
  const b64 = parts.length > 1 ? parts[1]! : parts[0]!;
  return 'SHA256:' + createHash('sha256').update(Buffer.from(b64, 'base64')).digest('base64').replace(/=+$/, '');
}

function parse(privateKey: string, passphrase?: string) {
  assertKeyDerivationCost(privateKey);
  let parsed: ReturnType<typeof utils.parseKey>;
  try {
    parsed = utils.parseKey(privateKey, passphrase);
  } catch {
    // ssh2 returns an Error for most bad keys, but throws for some damaged ones.
    throw new AppError('KEY_UNREADABLE', 'The SSH private key could not be read (damaged or an unsupported format).', 'key');
  }
  if (parsed instanceof Error) {
    throw new AppError(/passphrase|decrypt|bad/i.test(parsed.message) ? 'WRONG_PASSPHRASE' : 'KEY_UNREADABLE', passphrase === undefined && /encrypted/i.test(parsed.message) ? 'The SSH key is encrypted: give its passphrase.' : 'The SSH private key could not be read (wrong passphrase or unsupported format).', 'passphrase');
  }
  // A file that declares no key (nkeys 0) makes ssh2 return undefined, or an empty list.
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key) throw new AppError('KEY_UNREADABLE', 'The SSH private key file holds no key.', 'key');
  return key;
}

/** The public line (type + base64) of an OpenSSH or PEM private key. */
export function publicLineOf(privateKey: string, passphrase?: string): string {
  const key = parse(privateKey, passphrase);
  return `${key.type} ${key.getPublicSSH().toString('base64')}`;
}

/** PEM PKCS#1 (`BEGIN RSA PRIVATE KEY`), what Keystore → Add → RSA Key accepts; RSA keys only. */
export function toPkcs1Pem(privateKey: string, passphrase?: string): string {
  const key = parse(privateKey, passphrase);
  if (key.type !== 'ssh-rsa') throw new AppError('KEY_UNSUPPORTED', 'Only RSA keys can be exported as PEM PKCS#1; export ed25519 keys in OpenSSH format.', 'format');
  return key.getPrivatePEM();
}

/** The authorized_keys line for the SFTP server, its comment naming landscape and pathway. */
export function authorizedKeysLine(publicKey: string, landscape?: string, pathway?: string): string {
  const [type, b64] = publicKey.trim().split(/\s+/);
  const clean = (s: string) => s.replace(/[^\w.@:/+-]+/g, '-');
  const comment = ['landscape-setup', landscape && `landscape=${clean(landscape)}`, pathway && `pathway=${clean(pathway)}`].filter(Boolean).join(' ');
  return `${type} ${b64} ${comment}`;
}
