/**
 * Builds a PKCS#12 file for Cloud Integration's "Keystore → Add → Key Pair": exactly one private key
 * entry with its chain, the alias as friendlyName on the key and the leaf.
 *
 * modern: key and certificates encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), MAC SHA-256 —
 *   what OpenSSL 3 writes by default and opens without -legacy.
 * legacy: key pbeWithSHAAnd3-KeyTripleDES-CBC, certificates pbeWithSHAAnd40BitRC2-CBC, MAC SHA-1 —
 *   what older SAP and customer systems (and OpenSSL 1.x) expect.
 * Own assembly instead of forge.pkcs12.toPkcs12Asn1 because forge cannot hold EC keys or encrypt
 * certificate bags.
 */
import { createHash, createPrivateKey, randomBytes } from 'node:crypto';
import './forge-native-pbkdf2';
import forge from 'node-forge';
import { attribute, bmpString, dataContentInfo, der, encryptedContentInfo, explicit0, int, nul, octets, oid, OID, seq } from './pkcs12-asn1';

export type Pkcs12Encryption = 'modern' | 'legacy';

export interface Pkcs12Input {
  privateKeyPem: string;
  /** DER of the leaf first, then the chain in order. */
  chainDer: Buffer[];
  alias: string;
  password: string;
  encryption?: Pkcs12Encryption;
  iterations?: number;
}

const bin = (b: Buffer): string => b.toString('binary');

export function buildPkcs12(input: Pkcs12Input): Buffer {
  const encryption = input.encryption ?? 'modern';
  const count = input.iterations ?? 2048;
  const [leaf] = input.chainDer;
  if (!leaf) throw new Error('a PKCS#12 needs the leaf certificate');
  const localKeyId = octets(bin(createHash('sha1').update(leaf).digest()));
  const keyAttributes = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, [
    attribute(OID.friendlyName, bmpString(input.alias)),
    attribute(OID.localKeyId, localKeyId),
  ]);

  const certBags = input.chainDer.map((certDer, i) => {
    const bag = seq([oid(OID.x509Certificate), explicit0([octets(bin(certDer))])]);
    const parts = [oid(OID.certBag), explicit0([bag])];
    if (i === 0) parts.push(keyAttributes);
    return seq(parts);
  });
  const certSafe = seq(certBags);

  const pkcs8 = forge.asn1.fromDer(bin(createPrivateKey(input.privateKeyPem).export({ type: 'pkcs8', format: 'der' })));
  const shrouded = forge.pki.encryptPrivateKeyInfo(
    pkcs8,
    input.password,
    encryption === 'modern' ? { algorithm: 'aes256', prfAlgorithm: 'sha256', count, saltSize: 16 } : { algorithm: '3des', count, saltSize: 8 },
  );
  const keySafe = seq([seq([oid(OID.pkcs8ShroudedKeyBag), explicit0([shrouded]), keyAttributes])]);

  const certInfo = encryption === 'modern' ? encryptModern(certSafe, input.password, count) : encryptRc2Legacy(certSafe, input.password, count);
  const authSafe = seq([certInfo, dataContentInfo(keySafe)]);
  const authSafeDer = der(authSafe);

  const pfx = seq([int(3), seq([oid(OID.data), explicit0([octets(authSafeDer)])]), macData(authSafeDer, input.password, count, encryption)]);
  return Buffer.from(der(pfx), 'binary');
}

function encryptModern(safe: forge.asn1.Asn1, password: string, count: number): forge.asn1.Asn1 {
  // encryptPrivateKeyInfo encrypts any DER it is given and returns SEQUENCE { algorithm, OCTET STRING }.
  const enc = forge.pki.encryptPrivateKeyInfo(safe, password, { algorithm: 'aes256', prfAlgorithm: 'sha256', count, saltSize: 16 });
  const [algorithm, ciphertext] = enc.value as forge.asn1.Asn1[];
  return encryptedContentInfo(algorithm!, ciphertext!.value as string);
}

function encryptRc2Legacy(safe: forge.asn1.Asn1, password: string, count: number): forge.asn1.Asn1 {
  const salt = bin(randomBytes(8));
  const md = forge.md.sha1.create();
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 1, count, 5, md);
  const iv = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 2, count, 8, md);
  const cipher = forge.rc2.createEncryptionCipher(key, 40);
  cipher.start(iv);
  cipher.update(forge.util.createBuffer(der(safe)));
  cipher.finish();
  const algorithm = seq([oid(OID.pbeWithSHAAnd40BitRC2), seq([octets(salt), int(count)])]);
  return encryptedContentInfo(algorithm, cipher.output.getBytes());
}

function macData(authSafeDer: string, password: string, count: number, encryption: Pkcs12Encryption): forge.asn1.Asn1 {
  const modern = encryption === 'modern';
  const salt = bin(randomBytes(modern ? 16 : 8));
  const md = modern ? forge.md.sha256.create() : forge.md.sha1.create();
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, count, modern ? 32 : 20, md);
  const hmac = forge.hmac.create();
  hmac.start(modern ? 'sha256' : 'sha1', key);
  hmac.update(authSafeDer);
  const digest = hmac.digest().getBytes();
  return seq([seq([seq([oid(modern ? OID.sha256 : OID.sha1), nul()]), octets(digest)]), octets(salt), int(count)]);
}
