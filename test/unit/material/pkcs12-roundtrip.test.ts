import { describe, expect, it } from 'vitest';
import forge from 'node-forge';
import { generateKey } from '../../../main/services/material/key-pairs';
import { createTestCaCertificate } from '../../../main/services/material/test-ca';
import { readCertificates } from '../../../main/services/material/cert-read';
import { buildPkcs12 } from '../../../main/services/material/pkcs12-build';
import { describePkcs12Encryption, readPkcs12 } from '../../../main/services/material/pkcs12-read';

describe('PKCS#12 build → read', async () => {
  const ca = await createTestCaCertificate('Unit CA', new Date());
  const cert = readCertificates(ca.certificatePem)[0]!;
  const key = await generateKey('ec-p256');

  it.each(['modern', 'legacy'] as const)('%s: same key and certificate back, encryption named', (encryption) => {
    const p12 = buildPkcs12({ privateKeyPem: ca.privateKeyPem, chainDer: [cert.der], alias: 'unit', password: 'Unit-Test-9', encryption });
    const back = readPkcs12(p12, 'Unit-Test-9');
    expect(back.privateKeyPem).toBe(ca.privateKeyPem);
    expect(back.certificatesDer[0]!.equals(cert.der)).toBe(true);
    expect(back.friendlyName).toBe('unit');
    expect(back.encryption.kind).toBe(encryption);
    const info = describePkcs12Encryption(forge.asn1.fromDer(p12.toString('binary')));
    expect(info.mac).toBe(encryption === 'modern' ? 'SHA-256' : 'SHA-1');
  });

  it('EC keys travel too', () => {
    const p12 = buildPkcs12({ privateKeyPem: key.privateKeyPem, chainDer: [cert.der], alias: 'ec', password: 'Unit-Test-9' });
    expect(readPkcs12(p12, 'Unit-Test-9').privateKeyPem).toBe(key.privateKeyPem);
  });

  it('a wrong password is a clear AppError', () => {
    const p12 = buildPkcs12({ privateKeyPem: ca.privateKeyPem, chainDer: [cert.der], alias: 'unit', password: 'Unit-Test-9' });
    expect(() => readPkcs12(p12, 'wrong')).toThrow(/Wrong password/);
    expect(() => readPkcs12(Buffer.from('not a p12'), 'x')).toThrow(/not a PKCS#12/);
  });
});
