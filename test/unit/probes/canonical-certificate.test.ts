// One object per certificate DER (main/services/probes/tls/certificates.ts): what every handshake
// hands over fresh is replaced by the first object seen for its fingerprint, so parsing and the
// per-object answers happen once per certificate; summaries are copies the caller may change.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalCertificate, parsePemBundle, summarize } from '../../../main/services/probes/tls/certificates';
import { issue } from '../../peers/pki';

describe('canonical certificates', () => {
  it('the same DER gives the first object seen; another DER its own', async () => {
    const ca = await issue({ cn: 'Canon Root', ca: true });
    const leaf = await issue({ cn: 'canon.example', issuer: ca, sans: ['DNS:canon.example'] });
    const first = canonicalCertificate(new X509Certificate(leaf.certPem));
    const again = new X509Certificate(leaf.certPem);
    expect(again).not.toBe(first);
    expect(canonicalCertificate(again)).toBe(first);
    expect(canonicalCertificate(new X509Certificate(ca.certPem))).not.toBe(first);
    // A keystore bundle holding the same certificate yields that same object too.
    expect(parsePemBundle(`${ca.certPem}\n${leaf.certPem}`)[1]).toBe(first);
  });

  it('a summary is a copy: changing one leaves the next intact', async () => {
    const root = await issue({ cn: 'Summary Root', ca: true });
    const cert = canonicalCertificate(new X509Certificate(root.certPem));
    const s = summarize(cert);
    expect(s).toMatchObject({ subject: 'CN=Summary Root, O=Landscape Test', selfSigned: true });
    s.subject = 'changed';
    expect(summarize(cert).subject).toBe('CN=Summary Root, O=Landscape Test');
  });
});
