/**
 * PKCS#10 requests: forge for RSA keys, @peculiar/x509 for EC (forge cannot sign with ECDSA).
 * Every client CSR asks for extended key usage clientAuth: Cloud Integration's inbound load balancer
 * rejects client certificates without it.
 */
import { constants, createPrivateKey, createPublicKey, privateEncrypt, webcrypto } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../shared/result';
import { x509 } from './x509-setup';

export interface SubjectInput {
  cn: string;
  o?: string;
  ou?: string;
  l?: string;
  st?: string;
  c?: string;
  e?: string;
}

export interface CsrInput {
  subject: SubjectInput;
  /** DNS names, IP addresses, e-mail addresses (with @) or URIs (with ://). */
  sans?: string[];
  /** Add serverAuth next to clientAuth. */
  serverAuth?: boolean;
}

export function validateSubject(s: SubjectInput): void {
  if (!s.cn || !s.cn.trim()) throw new AppError('CSR_INVALID', 'The common name (CN) is required.', 'cn');
  if (s.c !== undefined && s.c !== '' && !/^[A-Z]{2}$/.test(s.c)) throw new AppError('CSR_INVALID', 'The country (C) must be two capital letters, e.g. DE.', 'c');
  if (s.e && !/^[^@\s]+@[^@\s]+$/.test(s.e)) throw new AppError('CSR_INVALID', 'The e-mail (E) is not an address.', 'e');
}

/** DN attributes in the conventional order C, ST, L, O, OU, CN, E. */
function attributes(s: SubjectInput): [short: string, forgeName: string, value: string][] {
  const all: [string, string, string | undefined][] = [
    ['C', 'countryName', s.c],
    ['ST', 'stateOrProvinceName', s.st],
    ['L', 'localityName', s.l],
    ['O', 'organizationName', s.o],
    ['OU', 'organizationalUnitName', s.ou],
    ['CN', 'commonName', s.cn],
    ['E', 'emailAddress', s.e],
  ];
  return all.filter((a): a is [string, string, string] => a[2] !== undefined && a[2] !== '');
}

type San = { type: 'dns' | 'ip' | 'email' | 'url'; value: string };

export function classifySans(sans: string[] = []): San[] {
  return sans.map((v) => {
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v) || v.includes(':') && !v.includes('://')) return { type: 'ip', value: v };
    if (v.includes('://')) return { type: 'url', value: v };
    if (v.includes('@')) return { type: 'email', value: v };
    return { type: 'dns', value: v };
  });
}

export async function createCsr(privateKeyPem: string, input: CsrInput): Promise<string> {
  validateSubject(input.subject);
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType === 'rsa') return createRsaCsr(privateKeyPem, input);
  if (key.asymmetricKeyType === 'ec') return createEcCsr(privateKeyPem, input);
  throw new AppError('KEY_UNSUPPORTED', `A CSR cannot be made with a ${key.asymmetricKeyType} key.`, 'key');
}

/** DER prefix of DigestInfo { sha256, NULL } (RFC 8017 §9.2): what a PKCS#1 v1.5 signature wraps. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

function createRsaCsr(privateKeyPem: string, input: CsrInput): string {
  const key = createPrivateKey(privateKeyPem);
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string);
  csr.setSubject(attributes(input.subject).map(([, name, value]) => ({ name, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class })));
  const forgeSans = classifySans(input.sans).map((s) =>
    s.type === 'dns' ? { type: 2, value: s.value } : s.type === 'email' ? { type: 1, value: s.value } : s.type === 'url' ? { type: 6, value: s.value } : { type: 7, ip: s.value },
  );
  const extensions: object[] = [
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', clientAuth: true, ...(input.serverAuth ? { serverAuth: true } : {}) },
  ];
  if (forgeSans.length) extensions.push({ name: 'subjectAltName', altNames: forgeSans });
  csr.setAttributes([{ name: 'extensionRequest', extensions }]);
  // forge builds the request; the RSA signature itself is Node's native one (PKCS#1 v1.5 over the
  // digest forge computed): forge's JavaScript RSA would make the CSR several times slower.
  const nativeSigner = {
    sign: (md: forge.md.MessageDigest) =>
      privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')])).toString('binary'),
  };
  csr.sign(nativeSigner as unknown as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return forge.pki.certificationRequestToPem(csr).replace(/\r\n/g, '\n');
}

async function createEcCsr(privateKeyPem: string, input: CsrInput): Promise<string> {
  const der = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;
  const privateKey = await webcrypto.subtle.importKey('pkcs8', der, algorithm, true, ['sign']);
  const jwk = await webcrypto.subtle.exportKey('jwk', privateKey);
  const publicKey = await webcrypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, algorithm, true, ['verify']);
  const eku = ['1.3.6.1.5.5.7.3.2', ...(input.serverAuth ? ['1.3.6.1.5.5.7.3.1'] : [])];
  const extensions: InstanceType<typeof x509.Extension>[] = [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyAgreement, true),
    new x509.ExtendedKeyUsageExtension(eku),
  ];
  const sans = classifySans(input.sans);
  if (sans.length) extensions.push(new x509.SubjectAlternativeNameExtension(sans));
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: attributes(input.subject).map(([short, , value]) => ({ [short]: [value] })),
    keys: { privateKey, publicKey } as never,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as never,
    extensions,
  });
  return csr.toString('pem').replace(/\r\n/g, '\n') + '\n';
}
