/**
 * Imports existing material: PEM certificate + key (encrypted or not) and PKCS#12 (modern or legacy).
 * Everything is checked before anything is saved: a wrong passphrase leaves the vault untouched.
 */
import { AppError } from '../../../shared/result';
import { readCertificates, parseDer } from './cert-read';
import { readPrivateKeyPem, splitPemKey } from './key-import';
import type { PairingResult } from './material-types';
import { readPkcs12 } from './pkcs12-read';
import type { Pkcs12ImportResult } from '../../../shared/certs/material-responses';
import type { KeyService } from './key-service';

export function createImportService(deps: { keys: KeyService }) {
  return {
    /**
     * A certificate file. With a private key in it (or given separately): stored as a client
     * certificate. Without: paired with its waiting key in the vault, or refused.
     */
    async importCertificate(input: { data: string | Uint8Array; key?: string; privateKeyPem?: string; passphrase?: string; label?: string; landscape?: string }): Promise<PairingResult> {
      const text = typeof input.data === 'string' ? input.data : undefined;
      const split: { keyPem?: string; rest: string | Uint8Array } = text ? splitPemKey(text) : { rest: input.data };
      const keyPem = input.privateKeyPem ?? split.keyPem;
      if (!keyPem) {
        const pair: { data: string | Uint8Array; key?: string; landscape?: string } = { data: split.rest };
        if (input.key) pair.key = input.key;
        if (input.landscape) pair.landscape = input.landscape;
        return deps.keys.pairCertificate(pair);
      }
      if (!input.label) throw new AppError('INVALID_INPUT', 'A label is required when importing a certificate with its private key.', 'label');
      const { pkcs8Pem } = readPrivateKeyPem(keyPem, input.passphrase);
      const certs = readCertificates(split.rest);
      return deps.keys.storeCertificateWithKey({ label: input.label, privateKeyPem: pkcs8Pem, certs, ...(input.landscape ? { landscape: input.landscape } : {}) });
    },

    async importPkcs12(input: { data: Uint8Array; password: string; label: string; landscape?: string }): Promise<Pkcs12ImportResult> {
      const contents = readPkcs12(Buffer.from(input.data), input.password);
      if (contents.certificatesDer.length === 0) throw new AppError('P12_NO_CERTIFICATE', 'The PKCS#12 file holds a key but no certificate.', 'file');
      const certs = contents.certificatesDer.map(parseDer);
      const result = await deps.keys.storeCertificateWithKey({ label: input.label, privateKeyPem: contents.privateKeyPem, certs, ...(input.landscape ? { landscape: input.landscape } : {}) });
      return { ...result, encryption: contents.encryption, ...(contents.friendlyName ? { friendlyName: contents.friendlyName } : {}) };
    },
  };
}
