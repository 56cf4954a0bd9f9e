/**
 * Test PKI generated at run time (nothing committed): EC P-256 keys via WebCrypto and certificates
 * via @peculiar/x509, so any validity window, SAN, EKU or hash (SHA-1) can be made in milliseconds.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

export interface Issued {
  certPem: string;
  keyPem: string;
  cert: x509.X509Certificate;
  keys: CryptoKeyPair;
  name: string;
}

export interface IssueOptions {
  cn: string;
  issuer?: Issued;
  ca?: boolean;
  sans?: string[];
  notBefore?: Date;
  notAfter?: Date;
  eku?: string[];
  hash?: 'SHA-256' | 'SHA-1';
  /** The subject's key (default EC P-256); the signature follows the issuer's key. */
  key?: KeyKind;
  /** Reuse a key pair and name (a cross-signed certificate of an existing CA). */
  sameKeyAs?: Issued;
  /** Key usage bits instead of the default for a CA / a leaf; 0 = no key usage extension. */
  keyUsage?: number;
  /** Issue as a non-CA (basicConstraints CA:false) even though it will sign others. */
  notCa?: boolean;
}

export type KeyKind = 'P-256' | 'P-384' | 'RSA-512' | 'RSA-1024' | 'RSA-2048' | 'RSA-4096';

function keyAlgorithm(kind: KeyKind, hash: string): webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams {
  if (kind.startsWith('P-')) return { name: 'ECDSA', namedCurve: kind, hash } as webcrypto.EcKeyGenParams;
  return { name: 'RSASSA-PKCS1-v1_5', modulusLength: Number(kind.slice(4)), publicExponent: new Uint8Array([1, 0, 1]), hash } as webcrypto.RsaHashedKeyGenParams;
}

function signatureFor(issuerKey: webcrypto.CryptoKey, hash: string): { name: string; hash: string } {
  return { name: issuerKey.algorithm.name === 'ECDSA' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5', hash };
}

const DAY = 86_400_000;
let serial = Math.floor(Math.random() * 1e6);

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export async function issue(o: IssueOptions): Promise<Issued> {
  const hash = o.hash ?? 'SHA-256';
  const kind = o.key ?? 'P-256';
  const keys = o.sameKeyAs?.keys ?? ((await webcrypto.subtle.generateKey(keyAlgorithm(kind, hash), true, ['sign', 'verify'])) as CryptoKeyPair);
  const name = o.sameKeyAs?.name ?? `CN=${o.cn}, O=Landscape Test`;
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(!!o.ca && !o.notCa, undefined, true)];
  const defaultUsage = o.ca
    ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
    : kind.startsWith('RSA')
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
      : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement;
  const usage = o.keyUsage ?? defaultUsage;
  if (usage) extensions.push(new x509.KeyUsagesExtension(usage, true));
  if (o.sans?.length) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(o.sans.map((s) => (/^[\d.]+$/.test(s) ? { type: 'ip' as const, value: s } : { type: 'dns' as const, value: s }))),
    );
  }
  if (o.eku) extensions.push(new x509.ExtendedKeyUsageExtension(o.eku, false));
  extensions.push(await x509.SubjectKeyIdentifierExtension.create(keys.publicKey));
  if (o.issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(o.issuer.keys.publicKey));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (++serial).toString(16).padStart(8, '0'),
    subject: name,
    issuer: o.issuer?.name ?? name,
    notBefore: o.notBefore ?? new Date(Date.now() - DAY),
    notAfter: o.notAfter ?? new Date(Date.now() + 90 * DAY),
    signingAlgorithm: signatureFor((o.issuer?.keys ?? keys).privateKey, hash),
    publicKey: keys.publicKey,
    signingKey: (o.issuer?.keys ?? keys).privateKey,
    extensions,
  });
  const keyPem = pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certPem: cert.toString('pem') + '\n', keyPem, cert, keys, name };
}

export const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** A three-level PKI: root → intermediate → leaves. */
export interface TestPki {
  root: Issued;
  intermediate: Issued;
  server: Issued;
  expired: Issued;
  wrongHost: Issued;
  sha1: Issued;
  client: Issued;
  otherRoot: Issued;
  otherClient: Issued;
  dir: string;
  /** Writes a file into the PKI folder and returns its path. */
  write(name: string, content: string): string;
}

export async function createTestPki(): Promise<TestPki> {
  const root = await issue({ cn: 'Landscape Test Root CA', ca: true, notAfter: new Date(Date.now() + 3650 * DAY) });
  const intermediate = await issue({ cn: 'Landscape Test Issuing CA', ca: true, issuer: root });
  const leaf = (cn: string, extra: Partial<IssueOptions> = {}) =>
    issue({ cn, issuer: intermediate, sans: ['localhost', '127.0.0.1'], eku: [SERVER_AUTH], ...extra });
  const otherRoot = await issue({ cn: 'Other Test Root CA', ca: true });
  const dir = mkdtempSync(join(tmpdir(), 'landscape-pki-'));
  return {
    root,
    intermediate,
    server: await leaf('localhost'),
    expired: await leaf('localhost', { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 10 * DAY) }),
    wrongHost: await leaf('wrong.example', { sans: ['wrong.example'] }),
    sha1: await leaf('localhost', { hash: 'SHA-1' }),
    client: await issue({ cn: 'sscv2-client.example', issuer: intermediate, eku: [CLIENT_AUTH] }),
    otherRoot,
    otherClient: await issue({ cn: 'stranger.example', issuer: otherRoot, eku: [CLIENT_AUTH] }),
    dir,
    write(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content, { mode: 0o600 });
      return p;
    },
  };
}
