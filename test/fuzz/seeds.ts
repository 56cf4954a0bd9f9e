/**
 * Valid samples for the fuzzer to mutate, made at run time by the real tools (openssl, ssh-keygen):
 * nothing is committed, and every run starts from material a consultant could meet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FuzzSeeds {
  certPem: string;
  chainPem: string;
  keyPem: string;
  encryptedKeyPem: string;
  rsaKeyPem: string;
  certDer: Uint8Array;
  caDer: Uint8Array;
  p7Pem: string;
  p7Der: Uint8Array;
  /** Password "pw": AES-256 + PBKDF2 (OpenSSL 3's default) and 3DES (-legacy style, -certpbe). */
  p12: Uint8Array[];
  /** Empty password. */
  p12NoPassword: Uint8Array[];
  csrPem: string[];
  sshPrivate: string[];
  sshPublic: string[];
  caKeyPem: string;
  caPem: string;
}

export const P12_PASSWORD = 'pw';
export const SSH_PASSPHRASE = 'pw';

export function makeSeeds(): FuzzSeeds {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-seeds-'));
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ossl = (...args: string[]) => run('openssl', args);
  const text = (f: string) => readFileSync(join(dir, f), 'utf8');
  const bytes = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
  try {
    ossl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/C=DE/O=Fuzz/CN=Fuzz CA');
    ossl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/C=DE/O=Fuzz/CN=client.fuzz.example', '-addext', 'subjectAltName=DNS:client.fuzz.example');
    ossl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '7');
    ossl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'rsa.key', '-out', 'rsa.csr', '-subj', '/CN=rsa.fuzz.example');
    ossl('pkcs8', '-topk8', '-in', 'leaf.key', '-out', 'leaf.enc.key', '-passout', 'pass:pw');
    ossl('rsa', '-in', 'rsa.key', '-traditional', '-out', 'rsa.pkcs1.key');
    ossl('x509', '-in', 'leaf.pem', '-outform', 'DER', '-out', 'leaf.der');
    ossl('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
    run('sh', ['-c', 'cat leaf.pem ca.pem > chain.pem']);
    ossl('crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-out', 'chain.p7b');
    ossl('crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'DER', '-out', 'chain.p7b.der');
    ossl('pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-certfile', 'ca.pem', '-name', 'fuzz', '-passout', 'pass:pw', '-out', 'modern.p12');
    ossl('pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-name', 'fuzz', '-passout', 'pass:pw', '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1', '-out', 'legacy.p12');
    ossl('pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-name', 'fuzz', '-passout', 'pass:', '-out', 'empty.p12');
    ossl('pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-nomac', '-keypbe', 'NONE', '-certpbe', 'NONE', '-passout', 'pass:', '-out', 'clear.p12');
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'fuzz-ed25519', '-f', 'id_ed25519']);
    run('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-C', 'fuzz-rsa', '-f', 'id_rsa']);
    run('ssh-keygen', ['-q', '-t', 'ecdsa', '-b', '256', '-N', '', '-C', 'fuzz-ecdsa', '-f', 'id_ecdsa']);
    // Few bcrypt rounds keep the seeded run quick; a mutated round count is one of the attacks.
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '2', '-N', SSH_PASSPHRASE, '-C', 'fuzz-protected', '-f', 'id_protected']);
    run('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '', '-C', 'fuzz-pem', '-f', 'id_rsa_pem']);
    return {
      certPem: text('leaf.pem'),
      chainPem: text('chain.pem'),
      keyPem: text('leaf.key'),
      encryptedKeyPem: text('leaf.enc.key'),
      rsaKeyPem: text('rsa.pkcs1.key'),
      certDer: bytes('leaf.der'),
      caDer: bytes('ca.der'),
      p7Pem: text('chain.p7b'),
      p7Der: bytes('chain.p7b.der'),
      p12: [bytes('modern.p12'), bytes('legacy.p12')],
      p12NoPassword: [bytes('empty.p12'), bytes('clear.p12')],
      csrPem: [text('leaf.csr'), text('rsa.csr')],
      sshPrivate: ['id_ed25519', 'id_rsa', 'id_ecdsa', 'id_protected', 'id_rsa_pem'].map(text),
      sshPublic: ['id_ed25519.pub', 'id_rsa.pub', 'id_ecdsa.pub'].map((f) => text(f).trim()),
      caKeyPem: text('ca.key'),
      caPem: text('ca.pem'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
