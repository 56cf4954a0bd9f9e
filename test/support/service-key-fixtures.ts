/**
 * BTP service keys in every documented shape, built at run time: the client certificate chain and
 * its PKCS#1 private key come from the real openssl, the client secret from the CSPRNG. Nothing
 * secret is committed. Shapes: clientid/secret and certificate keys, each with and without the
 * `oauth` wrapper, an external-certificate key (no private key), an api-plan key, and a key whose
 * PEM was double-escaped (literal `\n`).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PkiMaterial {
  caPem: string;
  leafPem: string;
  keyPem: string;
  otherKeyPem: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

export function generatePki(): PkiMaterial {
  const dir = mkdtempSync(join(tmpdir(), 'svckey-pki-'));
  try {
    openssl(dir, ['genrsa', '-traditional', '-out', 'ca.key', '2048']);
    openssl(dir, ['req', '-new', '-x509', '-key', 'ca.key', '-out', 'ca.pem', '-days', '30', '-subj', '/C=DE/O=Test PKI/OU=Test Clients/CN=Test Client CA']);
    openssl(dir, ['genrsa', '-traditional', '-out', 'leaf.key', '2048']);
    openssl(dir, ['req', '-new', '-key', 'leaf.key', '-out', 'leaf.csr', '-subj', '/C=DE/O=Test SE/OU=Test Cloud Platform Clients/L=sap-uaa/CN=it-rt-fixture']);
    openssl(dir, ['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '7']);
    openssl(dir, ['genrsa', '-traditional', '-out', 'other.key', '2048']);
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    return { caPem: read('ca.pem'), leafPem: read('leaf.pem'), keyPem: read('leaf.key'), otherKeyPem: read('other.key') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const SUBDOMAIN = 'acme-dev-1a2b3c';
export const RUNTIME_URL = `https://${SUBDOMAIN}.it-cpi018-rt.cfapps.eu10-002.hana.ondemand.com`;
export const TOKEN_URL = `https://${SUBDOMAIN}.authentication.eu10.hana.ondemand.com/oauth/token`;
export const CLIENT_ID = `sb-${randomUUID()}!b123456|it-rt-${SUBDOMAIN}!b196`;
export const API_CLIENT_ID = `sb-${randomUUID()}!b123456|it!b196`;

export const freshClientSecret = () => `${randomUUID()}$${randomBytes(24).toString('base64url')}`;

export interface ServiceKeyShapes {
  clientSecret: string;
  secretWrapped: Record<string, unknown>;
  secretFlat: Record<string, unknown>;
  certificateWrapped: Record<string, unknown>;
  certificateFlat: Record<string, unknown>;
  certificateDoubleEscaped: string;
  externalCertificate: Record<string, unknown>;
  apiPlan: Record<string, unknown>;
}

export function buildServiceKeys(pki: PkiMaterial): ServiceKeyShapes {
  const clientSecret = freshClientSecret();
  const secretBody = { clientid: CLIENT_ID, clientsecret: clientSecret, url: RUNTIME_URL, tokenurl: TOKEN_URL, createdate: '2026-01-01T00:00:00Z' };
  const details = {
    issuerdn: 'CN=Test Client CA,OU=Test Clients,O=Test PKI,C=DE',
    subjectdn: 'CN=it-rt-fixture,L=sap-uaa,OU=Test Cloud Platform Clients,O=Test SE,C=DE',
    serialnumber: '0a1b2c',
    validuntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  };
  const certBody = { clientid: CLIENT_ID, certificate: pki.leafPem + pki.caPem, key: pki.keyPem, url: RUNTIME_URL, tokenurl: TOKEN_URL, certificatedetails: details };
  // What a double-escaping copy tool produces: the JSON string holds a backslash and an "n".
  const doubleEscaped = JSON.stringify({ oauth: certBody }).replace(/\\n/g, '\\\\n');
  return {
    clientSecret,
    secretWrapped: { oauth: secretBody },
    secretFlat: secretBody,
    certificateWrapped: { oauth: certBody },
    certificateFlat: certBody,
    certificateDoubleEscaped: doubleEscaped,
    externalCertificate: { oauth: { clientid: CLIENT_ID, certificate: pki.leafPem, url: RUNTIME_URL, tokenurl: TOKEN_URL } },
    apiPlan: { oauth: { ...secretBody, clientid: API_CLIENT_ID, url: `https://${SUBDOMAIN}.it-cpi018.cfapps.eu10-002.hana.ondemand.com` } },
  };
}
