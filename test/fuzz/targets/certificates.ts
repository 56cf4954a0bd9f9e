/** Certificates and keystores, through the import channels the Certificates view calls. */
import { pemLine } from '../../support/pem-block';
import fc from 'fast-check';
import { mutatedBytes, mutatedText } from '../mutate';
import { makeSeeds, P12_PASSWORD, type FuzzSeeds } from '../seeds';
import { channelImporter, fileImporter } from './file-importer';

let cached: FuzzSeeds | undefined;
export const seeds = (): FuzzSeeds => (cached ??= makeSeeds());
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

const PEM_TOKENS = [
  '-----BEGIN CERTIFICATE-----\n',
  '-----END CERTIFICATE-----\n',
  `${pemLine('BEGIN', 'PRIVATE KEY')}\n`,
  `${pemLine('BEGIN', 'ENCRYPTED PRIVATE KEY')}\n`,
  `${pemLine('END', 'PRIVATE KEY')}`,
  `${pemLine('BEGIN', 'RSA PRIVATE KEY')}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00000000000000000000000000000000\n\n`,
  '-----BEGIN PKCS7-----\n',
  '\r\n',
  '====',
  'MIIB',
  '\u0000',
];
const DER_TOKENS = ['\x30\x82\xff\xff', '\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02', '\x02\x84\x7f\xff\xff\xff', '\x03\x81\x00', '\xa0\x80\x00\x00', '\x30\x80'];

export const pemTarget = fileImporter({
  name: 'PEM (certificate, chain, key)',
  channel: 'material:import-certificate-file',
  arbitrary: () => {
    const s = seeds();
    return mutatedText({ seeds: [s.certPem, s.chainPem, s.certPem + s.keyPem, s.chainPem + s.encryptedKeyPem, s.rsaKeyPem + s.certPem], tokens: PEM_TOKENS });
  },
  request: (path) => ({ path, label: 'fuzz', passphrase: 'pw' }),
});

export const derTarget = fileImporter({
  name: 'DER certificate',
  acceptsNone: 'a certificate without its key pairs only with a key waiting in the vault, and the fuzz vault has none',
  channel: 'material:import-certificate-file',
  arbitrary: () => mutatedBytes({ seeds: [seeds().certDer, seeds().caDer], tokens: DER_TOKENS }),
  request: (path) => ({ path, label: 'fuzz' }),
});

export const pkcs7Target = fileImporter({
  name: 'PKCS#7 (PEM and DER)',
  acceptsNone: 'a certificate without its key pairs only with a key waiting in the vault, and the fuzz vault has none',
  channel: 'material:import-certificate-file',
  arbitrary: () => fc.oneof(mutatedBytes({ seeds: [seeds().p7Der], tokens: DER_TOKENS }), mutatedText({ seeds: [seeds().p7Pem], tokens: [...PEM_TOKENS, '-----END PKCS7-----\n'] })),
  request: (path) => ({ path, label: 'fuzz' }),
});

export const pkcs12Target = fileImporter({
  name: 'PKCS#12 with password',
  channel: 'material:import-pkcs12',
  arbitrary: () => mutatedBytes({ seeds: seeds().p12, tokens: DER_TOKENS }),
  request: (path) => ({ path, password: P12_PASSWORD, label: 'fuzz' }),
});

export const pkcs12NoPasswordTarget = fileImporter({
  name: 'PKCS#12 without password',
  channel: 'material:import-pkcs12',
  arbitrary: () => mutatedBytes({ seeds: seeds().p12NoPassword, tokens: DER_TOKENS }),
  request: (path) => ({ path, password: '', label: 'fuzz' }),
});

export const csrTarget = channelImporter({
  name: 'CSR (signed by the test CA)',
  channel: 'material:sign-with-test-ca',
  arbitrary: () => mutatedText({ seeds: seeds().csrPem, tokens: [...PEM_TOKENS, '-----BEGIN CERTIFICATE REQUEST-----\n', '-----END CERTIFICATE REQUEST-----\n'] }),
  prepare: async (w) => {
    await w.call('material:create-test-ca', { label: 'fuzz CA' });
  },
  // The schema bounds csrPem at 200,000 characters: a bigger input is refused there (INVALID_INPUT).
  request: (csrPem) => ({ ca: 'fuzz CA', csrPem }),
});

export { bytes };
