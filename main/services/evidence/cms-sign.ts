/**
 * A detached CMS (PKCS#7) SignedData over the report, DER: what `openssl cms -verify -binary
 * -inform DER -content report.html` checks. Assembled on forge's ASN.1 codec and signed with
 * node:crypto, because forge's own pkcs7 signer takes RSA keys only and the vault holds EC keys
 * too. Signed attributes: content type, signing time, message digest (RFC 5652 §5.3/§11).
 */
import { createHash, createPrivateKey, sign as nodeSign } from 'node:crypto';
import forge from 'node-forge';
import { der, explicit0, int, nul, oid, octets, seq, set } from '../material/pkcs12-asn1';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

const bin = (b: Buffer): string => b.toString('binary');

export interface CmsSignInput {
  content: Buffer;
  privateKeyPem: string;
  /** PEM certificates, signer's leaf first; all go into the SignedData so a verifier can build the path. */
  chainPem: string[];
  signingTime: Date;
}

function pemToDer(pem: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new Error('not a PEM certificate');
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

/** issuer Name and serialNumber, straight from the certificate's own encoding. */
function issuerAndSerial(certDer: Buffer): Asn1 {
  const cert = asn1.fromDer(bin(certDer));
  const tbs = (cert.value as Asn1[])[0]!.value as Asn1[];
  const offset = tbs[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([tbs[offset + 2]!, tbs[offset]!]);
}

function utcTime(d: Date): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(d));
}

export function signDetachedCms(input: CmsSignInput): Buffer {
  const certs = input.chainPem.map(pemToDer);
  const leaf = certs[0];
  if (!leaf) throw new Error('a signature needs the signer certificate');
  const key = createPrivateKey(input.privateKeyPem);
  const keyType = key.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec') throw new Error(`a ${keyType} key cannot sign a CMS here (RSA or EC expected)`);
  const digest = createHash('sha256').update(input.content).digest();
  const attributes = [
    seq([oid(OIDS.contentType), set([oid(OIDS.data)])]),
    seq([oid(OIDS.signingTime), set([utcTime(input.signingTime)])]),
    seq([oid(OIDS.messageDigest), set([octets(bin(digest))])]),
  ].sort((a, b) => Buffer.compare(Buffer.from(der(a), 'binary'), Buffer.from(der(b), 'binary')));
  // The signature covers the attributes encoded as a SET; they travel as [0] IMPLICIT.
  const signature = nodeSign('sha256', Buffer.from(der(set(attributes)), 'binary'), key);
  const signedAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes);
  const sha256Alg = seq([oid(OIDS.sha256), nul()]);
  const signatureAlg = keyType === 'rsa' ? seq([oid(OIDS.rsaEncryption), nul()]) : seq([oid(OIDS.ecdsaWithSha256)]);
  const signerInfo = seq([int(1), issuerAndSerial(leaf), sha256Alg, signedAttrs, signatureAlg, octets(bin(signature))]);
  const certificates = asn1.create(
    asn1.Class.CONTEXT_SPECIFIC,
    0,
    true,
    certs.map((c) => asn1.fromDer(bin(c))),
  );
  const signedData = seq([int(1), set([seq([oid(OIDS.sha256), nul()])]), seq([oid(OIDS.data)]), certificates, set([signerInfo])]);
  return Buffer.from(der(seq([oid(OIDS.signedData), explicit0([signedData])])), 'binary');
}
