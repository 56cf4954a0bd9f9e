/**
 * Small ASN.1 helpers for PKCS#12 (RFC 7292), on forge's ASN.1 codec. Kept apart so the builder
 * reads like the structure it writes.
 */
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  pbeWithSHAAnd40BitRC2: '1.2.840.113549.1.12.1.6',
  pbeWithSHAAnd3DES: '1.2.840.113549.1.12.1.3',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

export const seq = (v: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, v);
export const set = (v: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, v);
export const oid = (o: string): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
export const octets = (bytes: string): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
export const int = (n: number): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
export const nul = (): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
export const explicit0 = (v: Asn1[]): Asn1 => asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, v);
export const der = (a: Asn1): string => asn1.toDer(a).getBytes();

/** forge writes a BMPString value as UTF-16BE itself: give it the plain text. */
export function bmpString(text: string): Asn1 {
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BMPSTRING, false, text);
}

export function attribute(type: string, value: Asn1): Asn1 {
  return seq([oid(type), set([value])]);
}

/** ContentInfo of type data holding DER-encoded SafeContents. */
export function dataContentInfo(safeContents: Asn1): Asn1 {
  return seq([oid(OID.data), explicit0([octets(der(safeContents))])]);
}

/** ContentInfo of type encryptedData: algorithm + ciphertext of the SafeContents. */
export function encryptedContentInfo(algorithm: Asn1, ciphertext: string): Asn1 {
  const encryptedContent = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, false, ciphertext);
  return seq([oid(OID.encryptedData), explicit0([seq([int(0), seq([oid(OID.data), algorithm, encryptedContent])])])]);
}
