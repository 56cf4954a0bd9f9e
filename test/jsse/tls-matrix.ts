/**
 * The differential matrix: server configurations made at test time (certificates from pki.ts, one
 * MD5 chain from the openssl CLI, every server an `openssl s_server`), each with the host name the
 * client asks for and the keystore it trusts. The JSSE oracle and the app's CI profile judge each
 * one; `jsseSays` is what Java is expected to answer (checked too, so a JDK update that changes a
 * rule shows up as a named difference, not a silent one).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { CLIENT_AUTH, SERVER_AUTH, issue, type Issued, type IssueOptions, type TestPki } from '../peers/pki';
import type { OpensslServerOptions } from '../peers/openssl-server';

export interface MatrixCase {
  id: string;
  /** The host the client asks for (SNI and identity); the server always listens on 127.0.0.1. */
  host: string;
  server: Omit<OpensslServerOptions, 'pki'>;
  /** The certificates in the keystore (CI's tenant keystore as modelled). */
  keystore: string[];
  jsseSays: 'connects' | 'refuses';
}

const DAY = 86_400_000;
const HOST = 'api.landscape.test';
const KU = x509.KeyUsageFlags;
const ago = (days: number) => new Date(Date.now() - days * DAY);

/** An MD5-signed leaf under an RSA root, made with the openssl CLI (WebCrypto cannot sign MD5). */
function md5Chain(pki: TestPki): { root: string; leaf: { certPem: string; keyPem: string } } {
  const d = (n: string) => join(pki.dir, `md5-${n}`);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', d('root.key'), '-out', d('root.pem'), '-subj', '/CN=MD5 Test Root', '-days', '30']);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', d('leaf.key'), '-out', d('leaf.csr'), '-subj', `/CN=${HOST}`]);
  const ext = pki.write('md5-ext.cnf', `subjectAltName=DNS:${HOST}\nextendedKeyUsage=serverAuth\n`);
  run(['x509', '-req', '-in', d('leaf.csr'), '-CA', d('root.pem'), '-CAkey', d('root.key'), '-md5', '-days', '30', '-extfile', ext, '-out', d('leaf.pem')]);
  const read = (n: string) => execFileSync('cat', [d(n)]).toString();
  return { root: read('root.pem'), leaf: { certPem: read('leaf.pem'), keyPem: read('leaf.key') } };
}

export async function buildMatrix(pki: TestPki): Promise<MatrixCase[]> {
  const R = pki.root;
  const I = pki.intermediate;
  const leaf = (o: Partial<IssueOptions> = {}) => issue({ cn: HOST, issuer: I, sans: [HOST], eku: [SERVER_AUTH], ...o });
  const cases: MatrixCase[] = [];
  const add = (id: string, jsseSays: MatrixCase['jsseSays'], server: MatrixCase['server'], o: { host?: string; keystore?: Issued[] | string[] } = {}) => {
    const ks = (o.keystore ?? [R]).map((c) => (typeof c === 'string' ? c : c.certPem));
    cases.push({ id, host: o.host ?? HOST, server, keystore: ks, jsseSays });
  };
  const good = await leaf();
  const chainOf = (l: Issued, ...rest: Issued[]) => ({ leaf: l, chain: rest.map((c) => c.certPem) });

  // --- chains ---
  add('chain complete', 'connects', chainOf(good, I));
  add('chain incomplete (leaf only)', 'refuses', chainOf(good));
  add('chain incomplete, intermediate in keystore', 'connects', chainOf(good), { keystore: [R, I] });
  add('chain with root sent', 'connects', chainOf(good, I, R));
  add('chain misordered (root before intermediate)', 'connects', chainOf(good, R, I));
  add('root sent, not in keystore', 'refuses', chainOf(good, I, R), { keystore: [pki.otherRoot] });
  add('unknown root', 'refuses', chainOf(good, I), { keystore: [pki.otherRoot] });
  add('empty keystore', 'refuses', chainOf(good, I), { keystore: [] });
  const R2 = await issue({ cn: 'Landscape New Root CA', ca: true });
  const cross = await issue({ cn: 'ignored', ca: true, issuer: R, sameKeyAs: R2 });
  const I2 = await issue({ cn: 'Landscape New Issuing CA', ca: true, issuer: R2 });
  const leaf2 = await issue({ cn: HOST, issuer: I2, sans: [HOST], eku: [SERVER_AUTH] });
  add('cross-signed: old root in keystore', 'connects', chainOf(leaf2, I2, cross));
  add('cross-signed: new root in keystore', 'connects', chainOf(leaf2, I2, cross), { keystore: [R2] });
  add('cross-signed: new self-signed root sent first, old root in keystore', 'connects', chainOf(leaf2, I2, R2, cross));
  const notCa = await issue({ cn: 'Not A CA', ca: true, notCa: true, issuer: R });
  add('issuer without CA basic constraints', 'refuses', chainOf(await issue({ cn: HOST, issuer: notCa, sans: [HOST], eku: [SERVER_AUTH] }), notCa));

  // --- validity at each level ---
  add('leaf expired', 'refuses', chainOf(await leaf({ notBefore: ago(400), notAfter: ago(10) }), I));
  add('leaf not yet valid', 'refuses', chainOf(await leaf({ notBefore: ago(-10), notAfter: ago(-100) }), I));
  const iExpired = await issue({ cn: 'Expired Issuing CA', ca: true, issuer: R, notBefore: ago(400), notAfter: ago(1) });
  add('intermediate expired', 'refuses', chainOf(await issue({ cn: HOST, issuer: iExpired, sans: [HOST], eku: [SERVER_AUTH] }), iExpired));
  const iFuture = await issue({ cn: 'Future Issuing CA', ca: true, issuer: R, notBefore: ago(-5), notAfter: ago(-400) });
  add('intermediate not yet valid', 'refuses', chainOf(await issue({ cn: HOST, issuer: iFuture, sans: [HOST], eku: [SERVER_AUTH] }), iFuture));
  const rExpired = await issue({ cn: 'Expired Root CA', ca: true, notBefore: ago(400), notAfter: ago(1) });
  const leafUnderExpiredRoot = await issue({ cn: HOST, issuer: rExpired, sans: [HOST], eku: [SERVER_AUTH] });
  add('root expired, in keystore only', 'connects', chainOf(leafUnderExpiredRoot), { keystore: [rExpired] });
  add('root expired, in keystore and sent', 'connects', chainOf(leafUnderExpiredRoot, rExpired), { keystore: [rExpired] });

  // --- extended key usage ---
  add('EKU serverAuth', 'connects', chainOf(good, I));
  add('EKU clientAuth only', 'refuses', chainOf(await leaf({ eku: [CLIENT_AUTH] }), I));
  add('no EKU', 'connects', chainOf(await leaf({ eku: undefined }), I));
  add('EKU anyExtendedKeyUsage', 'connects', chainOf(await leaf({ eku: ['2.5.29.37.0'] }), I));
  add('EKU serverAuth and clientAuth', 'connects', chainOf(await leaf({ eku: [SERVER_AUTH, CLIENT_AUTH] }), I));

  // --- key usage vs key exchange ---
  const rsaSig = await leaf({ key: 'RSA-2048', keyUsage: KU.digitalSignature });
  const rsaEnc = await leaf({ key: 'RSA-2048', keyUsage: KU.keyEncipherment });
  add('RSA, KU digitalSignature, TLS 1.3', 'connects', { ...chainOf(rsaSig, I), only: 'tls1_3' });
  add('RSA, KU keyEncipherment only, TLS 1.3', 'refuses', { ...chainOf(rsaEnc, I), only: 'tls1_3' });
  add('RSA, KU keyEncipherment only, TLS 1.2 ECDHE', 'refuses', { ...chainOf(rsaEnc, I), only: 'tls1_2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256' });
  add('RSA, KU keyEncipherment only, TLS 1.2 RSA key exchange', 'connects', { ...chainOf(rsaEnc, I), only: 'tls1_2', cipher: 'AES128-GCM-SHA256' });
  add('RSA, KU digitalSignature only, TLS 1.2 RSA key exchange', 'refuses', { ...chainOf(rsaSig, I), only: 'tls1_2', cipher: 'AES128-GCM-SHA256' });
  add('EC, KU keyAgreement only, TLS 1.3', 'refuses', { ...chainOf(await leaf({ keyUsage: KU.keyAgreement }), I), only: 'tls1_3' });
  add('EC, no key usage extension', 'connects', chainOf(await leaf({ keyUsage: 0 }), I));
  add('EC, KU keyCertSign only', 'refuses', chainOf(await leaf({ keyUsage: KU.keyCertSign }), I));

  // --- host names (Java's HTTPS identification) ---
  add('SAN dNSName matches', 'connects', chainOf(good, I));
  add('wrong host', 'refuses', chainOf(await leaf({ sans: ['other.landscape.test'] }), I));
  const wildcard = await leaf({ cn: '*.landscape.test', sans: ['*.landscape.test'] });
  add('wildcard matches one label', 'connects', chainOf(wildcard, I));
  add('wildcard does not match two labels', 'refuses', chainOf(wildcard, I), { host: 'a.api.landscape.test' });
  add('wildcard does not match the bare domain', 'refuses', chainOf(wildcard, I), { host: 'landscape.test' });
  add('partial wildcard in the left-most label', 'connects', chainOf(await leaf({ sans: ['ap*.landscape.test'] }), I));
  add('IP address SAN', 'connects', chainOf(await leaf({ sans: ['127.0.0.1'] }), I), { host: '127.0.0.1' });
  add('IP address, DNS SAN only', 'refuses', chainOf(await leaf({ sans: ['localhost'] }), I), { host: '127.0.0.1' });
  add('IP address in CN only', 'refuses', chainOf(await leaf({ cn: '127.0.0.1', sans: [] }), I), { host: '127.0.0.1' });
  add('CN only (no SAN), matching', 'connects', chainOf(await leaf({ sans: [] }), I));
  add('CN matches but SAN does not', 'refuses', chainOf(await leaf({ sans: ['other.landscape.test'] }), I));
  add('host name in other case', 'connects', chainOf(good, I), { host: 'API.Landscape.Test' });

  // --- keys and signatures ---
  add('RSA 512 leaf', 'refuses', { ...chainOf(await leaf({ key: 'RSA-512' }), I), cipher: 'DEFAULT@SECLEVEL=0' });
  add('RSA 1024 leaf', 'connects', { ...chainOf(await leaf({ key: 'RSA-1024' }), I), cipher: 'DEFAULT@SECLEVEL=0' });
  add('RSA 2048 leaf', 'connects', chainOf(await leaf({ key: 'RSA-2048' }), I));
  add('RSA 4096 leaf', 'connects', chainOf(await leaf({ key: 'RSA-4096' }), I));
  add('EC P-256 leaf', 'connects', chainOf(good, I));
  add('EC P-384 leaf', 'connects', chainOf(await leaf({ key: 'P-384' }), I));
  add('SHA-1 signed leaf', 'connects', { ...chainOf(await leaf({ hash: 'SHA-1' }), I), cipher: 'DEFAULT@SECLEVEL=0' });
  const iSha1 = await issue({ cn: 'SHA-1 Issuing CA', ca: true, issuer: R, hash: 'SHA-1' });
  add('SHA-1 signed intermediate', 'connects', { ...chainOf(await issue({ cn: HOST, issuer: iSha1, sans: [HOST], eku: [SERVER_AUTH] }), iSha1), cipher: 'DEFAULT@SECLEVEL=0' });
  const md5 = md5Chain(pki);
  add('MD5 signed leaf', 'refuses', { leaf: md5.leaf, chain: [], cipher: 'DEFAULT@SECLEVEL=0' }, { keystore: [md5.root] });

  // --- protocol versions ---
  add('TLS 1.0 only', 'refuses', { ...chainOf(good, I), only: 'tls1' });
  add('TLS 1.1 only', 'refuses', { ...chainOf(good, I), only: 'tls1_1' });
  add('TLS 1.2 only', 'connects', { ...chainOf(good, I), only: 'tls1_2' });
  add('TLS 1.3 only', 'connects', { ...chainOf(good, I), only: 'tls1_3' });
  const rsa = await leaf({ key: 'RSA-2048' });
  // OpenSSL 3 will not load a DH group under 1024 bits at any level: 1024 is Java's floor (accepted).
  const dh1024 = join(pki.dir, 'dh1024.pem');
  execFileSync('openssl', ['dhparam', '-dsaparam', '-out', dh1024, '1024'], { stdio: 'ignore' });
  add('TLS 1.2, DHE with a 1024-bit group only', 'connects', { ...chainOf(rsa, I), only: 'tls1_2', cipher: 'DHE-RSA-AES128-GCM-SHA256@SECLEVEL=0', dhparam: dh1024 });
  add('TLS 1.2, CBC cipher only', 'connects', { ...chainOf(rsa, I), only: 'tls1_2', cipher: 'ECDHE-RSA-AES128-SHA' });

  // --- self-signed ---
  const self = await issue({ cn: HOST, sans: [HOST], eku: [SERVER_AUTH] });
  add('self-signed leaf, not in keystore', 'refuses', { leaf: self, chain: [] });
  add('self-signed leaf in keystore', 'connects', { leaf: self, chain: [] }, { keystore: [self] });
  return cases;
}
