/**
 * A local test CA for labs and dev landscapes: a self-signed RSA root, and signing CSRs with it.
 * Its OU carries TEST_CA_MARKER so the lint flags what it signs as refused by CI inbound.
 */
import { createPrivateKey, createPublicKey, randomBytes, webcrypto } from 'node:crypto';
import { TEST_CA_MARKER } from '../../../shared/certs/cert-facts';
import { AppError } from '../../../shared/result';
import { generateKey } from './key-pairs';
import { x509 } from './x509-setup';
import { findPemBlocks } from './pem-blocks';

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

async function importRsa(privateKeyPem: string): Promise<webcrypto.CryptoKey> {
  const der = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  return webcrypto.subtle.importKey('pkcs8', der, RSA, false, ['sign']);
}

function serial(): string {
  // Positive, 16 bytes: the top bit cleared so DER does not read it as negative.
  const b = randomBytes(16);
  b[0] = b[0]! & 0x7f;
  return b.toString('hex');
}

export async function createTestCaCertificate(cn: string, now: Date, days = 3650): Promise<{ privateKeyPem: string; certificatePem: string }> {
  const key = await generateKey('rsa-2048');
  const privateKey = await importRsa(key.privateKeyPem);
  const spki = createPublicKey(key.publicKeyPem).export({ format: 'der', type: 'spki' });
  const publicKey = await webcrypto.subtle.importKey('spki', spki, RSA, true, ['verify']);
  const name = [{ OU: [TEST_CA_MARKER] }, { CN: [cn] }] as never;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + days * DAY),
    keys: { privateKey, publicKey } as never,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(publicKey as never),
    ],
  });
  return { privateKeyPem: key.privateKeyPem, certificatePem: cert.toString('pem').replace(/\r\n/g, '\n') + '\n' };
}

export interface SignOptions {
  caPrivateKeyPem: string;
  caCertificatePem: string;
  csrPem: string;
  now: Date;
  days?: number;
  /** Copy the CSR's requested extensions (key usage, EKU, SANs); default true. */
  copyExtensions?: boolean;
}

export async function signCsrWithTestCa(o: SignOptions): Promise<string> {
  let csr: InstanceType<typeof x509.Pkcs10CertificateRequest>;
  try {
    // The block's DER, not the text: @peculiar/x509's PEM regex is quadratic on many BEGIN lines.
    const [block] = findPemBlocks(o.csrPem, ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'], 1);
    if (!block) throw new Error('no CSR block');
    csr = new x509.Pkcs10CertificateRequest(Buffer.from(block.body.replace(/\s+/g, ''), 'base64'));
  } catch {
    throw new AppError('CSR_UNREADABLE', 'The CSR could not be read (PEM PKCS#10 expected).', 'csr');
  }
  if (!(await csr.verify().catch(() => false))) throw new AppError('CSR_INVALID', 'The CSR signature does not verify.', 'csr');
  const ca = new x509.X509Certificate(o.caCertificatePem);
  const requested = o.copyExtensions === false ? [] : csr.extensions.filter((e) => e.type !== '2.5.29.19');
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: csr.subjectName,
    issuer: ca.subjectName,
    notBefore: new Date(o.now.getTime() - 60_000),
    notAfter: new Date(o.now.getTime() + (o.days ?? 365) * DAY),
    publicKey: csr.publicKey,
    signingKey: (await importRsa(o.caPrivateKeyPem)) as never,
    signingAlgorithm: RSA,
    extensions: [new x509.BasicConstraintsExtension(false, undefined, true), ...requested, await x509.AuthorityKeyIdentifierExtension.create(ca)],
  });
  return cert.toString('pem').replace(/\r\n/g, '\n') + '\n';
}
