/**
 * Reads a PKCS#12 file (modern or legacy), says which encryption it uses, and returns the one key
 * with its certificates. A wrong password is a clear error and nothing is kept.
 */
import { createPrivateKey } from 'node:crypto';
import './forge-native-pbkdf2';
import { KdfBudgetExceeded, withKdfBudget } from './kdf-budget';
import forge from 'node-forge';
import { AppError } from '../../../shared/result';
import { OID } from './pkcs12-asn1';
import type { Pkcs12EncryptionInfo } from '../../../shared/certs/material-responses';

export type { Pkcs12EncryptionInfo };

type Asn1 = forge.asn1.Asn1;

export interface Pkcs12Contents {
  privateKeyPem: string;
  certificatesDer: Buffer[];
  friendlyName?: string;
  encryption: Pkcs12EncryptionInfo;
}

const LEGACY_NAMES: Record<string, string> = {
  '1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
  '1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
  '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.4': 'pbeWithSHAAnd2-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.5': 'pbeWithSHAAnd128BitRC2-CBC',
  '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
};

export function readPkcs12(data: Buffer, password: string): Pkcs12Contents {
  let asn: Asn1;
  try {
    asn = forge.asn1.fromDer(data.toString('binary'));
  } catch {
    throw new AppError('P12_UNREADABLE', 'The file is not a PKCS#12 (.p12 / .pfx) file.', 'file');
  }
  const encryption = describePkcs12Encryption(asn);
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = withKdfBudget(() => forge.pkcs12.pkcs12FromAsn1(asn, false, password));
  } catch (e) {
    if (e instanceof KdfBudgetExceeded) {
      throw new AppError('P12_TOO_COSTLY', `The PKCS#12 file asks for more key-derivation work than any keystore tool uses (${e.detail}); nothing was imported. Export it again with the tool's defaults.`, 'file');
    }
    const msg = e instanceof Error ? e.message : '';
    if (/MAC could not be verified|wrong password|Invalid password/i.test(msg)) {
      throw new AppError('WRONG_PASSPHRASE', 'Wrong password for this PKCS#12 file: nothing was imported.', 'password');
    }
    throw new AppError('P12_UNREADABLE', 'The PKCS#12 file could not be read (unsupported or damaged).', 'file');
  }
  const keys: string[] = [];
  const certs: Buffer[] = [];
  let friendlyName: string | undefined;
  for (const safe of p12.safeContents) {
    for (const bag of safe.safeBags) {
      if (bag.type === forge.pki.oids.keyBag || bag.type === forge.pki.oids.pkcs8ShroudedKeyBag) {
        keys.push(keyBagToPem(bag));
        friendlyName ??= bag.attributes.friendlyName?.[0];
      } else if (bag.type === forge.pki.oids.certBag) {
        certs.push(certBagBytes(bag));
      }
    }
  }
  if (keys.length === 0) throw new AppError('P12_NO_KEY', 'The PKCS#12 file holds no private key.', 'file');
  if (keys.length > 1) throw new AppError('P12_MANY_KEYS', `The PKCS#12 file holds ${keys.length} private keys; import them one file at a time.`, 'file');
  const out: Pkcs12Contents = { privateKeyPem: keys[0]!, certificatesDer: certs, encryption };
  if (friendlyName) out.friendlyName = friendlyName;
  return out;
}

function certBagBytes(bag: forge.pkcs12.Bag): Buffer {
  try {
    const raw = bag.cert ? forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes() : forge.asn1.toDer(bag.asn1 as Asn1).getBytes();
    return Buffer.from(raw, 'binary');
  } catch {
    throw new AppError('P12_UNREADABLE', 'A certificate in the PKCS#12 file could not be read.', 'file');
  }
}

function keyBagToPem(bag: forge.pkcs12.Bag): string {
  try {
    const info = bag.key
      ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
      : (bag.asn1 as Asn1);
    const der = Buffer.from(forge.asn1.toDer(info).getBytes(), 'binary');
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }) as string;
  } catch {
    throw new AppError('P12_UNREADABLE', 'The private key in the PKCS#12 file could not be read (damaged or an unsupported algorithm).', 'file');
  }
}

/** Walks the AuthenticatedSafe without the password and names every encryption algorithm in it. */
export function describePkcs12Encryption(pfx: Asn1): Pkcs12EncryptionInfo {
  const algorithms: string[] = [];
  let mac: string | undefined;
  try {
    const [, authSafe, macData] = pfx.value as Asn1[];
    const content = ((authSafe!.value as Asn1[])[1]!.value as Asn1[])[0]!;
    const safes = forge.asn1.fromDer(octetBytes(content)).value as Asn1[];
    for (const ci of safes) {
      const [type, wrapped] = ci.value as Asn1[];
      const typeOid = forge.asn1.derToOid(type!.value as string);
      const inner = (wrapped!.value as Asn1[])[0]!;
      if (typeOid === OID.encryptedData) {
        const eci = (inner.value as Asn1[])[1]!;
        algorithms.push(nameAlgorithm((eci.value as Asn1[])[1]!));
      } else if (typeOid === OID.data) {
        for (const bag of forge.asn1.fromDer(octetBytes(inner)).value as Asn1[]) {
          const [bagId, bagValue] = bag.value as Asn1[];
          if (forge.asn1.derToOid(bagId!.value as string) === OID.pkcs8ShroudedKeyBag) {
            algorithms.push(nameAlgorithm(((bagValue!.value as Asn1[])[0]!.value as Asn1[])[0]!));
          }
        }
      }
    }
    if (macData) {
      const macOid = forge.asn1.derToOid((((macData.value as Asn1[])[0]!.value as Asn1[])[0]!.value as Asn1[])[0]!.value as string);
      mac = macOid === OID.sha256 ? 'SHA-256' : macOid === OID.sha1 ? 'SHA-1' : macOid;
    }
  } catch {
    // An unusual layout: describe what was found so far; reading will say whether it can be used.
  }
  const unique = [...new Set(algorithms)];
  const kind = unique.length === 0 ? 'none' : unique.some((a) => !a.startsWith('PBES2')) ? 'legacy' : 'modern';
  return mac ? { kind, algorithms: unique, mac } : { kind, algorithms: unique };
}

/** OCTET STRING content, also when BER-encoded as constructed chunks (Windows exports do that). */
function octetBytes(a: Asn1): string {
  return Array.isArray(a.value) ? a.value.map(octetBytes).join('') : (a.value as string);
}

function nameAlgorithm(algId: Asn1): string {
  const [o, params] = algId.value as Asn1[];
  const id = forge.asn1.derToOid(o!.value as string);
  if (id !== OID.pbes2) return LEGACY_NAMES[id] ?? id;
  try {
    const [kdf, scheme] = params!.value as Asn1[];
    const kdfOid = forge.asn1.derToOid((kdf!.value as Asn1[])[0]!.value as string);
    const schemeOid = forge.asn1.derToOid((scheme!.value as Asn1[])[0]!.value as string);
    const schemeName = forge.pki.oids[schemeOid] ?? schemeOid;
    return `PBES2 (${kdfOid === OID.pbkdf2 ? 'PBKDF2' : kdfOid}, ${schemeName})`;
  } catch {
    return 'PBES2';
  }
}
