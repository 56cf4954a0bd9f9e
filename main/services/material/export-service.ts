/**
 * Exports for the Cloud Integration keystore and the BTP cockpit, each to a path the caller chose:
 * PKCS#12 key pair, the PEM leaf alone, and CA certificates (.cer, PEM or DER).
 */
import { checkKeystoreAlias, checkKeystorePassword, CERTIFICATE_UPLOAD_LIMIT, KEY_PAIR_UPLOAD_LIMIT } from '../../../shared/certs/keystore-rules';
import { AppError } from '../../../shared/result';
import type { FileExportResult, P12ExportResult } from '../../../shared/certs/material-responses';
import { generatePassword } from '../vault/password-generator';
import { readCertificates } from './cert-read';
import { writeExport } from './export-file';
import { resolveCredential } from './material-types';
import { buildPkcs12 } from './pkcs12-build';
import type { VaultPort } from './vault-port';

export interface P12ExportInput {
  key: string;
  alias: string;
  outPath: string;
  /** A typed password (CLI --password-env); otherwise one is generated and kept in the vault. */
  password?: string;
  /** A pkcs12-passphrase credential to take the password from. */
  passwordCredential?: string;
  legacy?: boolean;
}

export function createExportService(deps: { vault: VaultPort; dataDir: string; now: () => Date }) {
  const { vault } = deps;

  async function choosePassword(input: P12ExportInput): Promise<{ password: string; credentialId?: string }> {
    if (input.password !== undefined) {
      const check = checkKeystorePassword(input.password);
      if (!check.ok) throw new AppError('PASSWORD_RULE', `The password does not meet the keystore rule: ${check.problems.join('; ')}.`, 'password');
      return { password: input.password };
    }
    if (input.passwordCredential) {
      const meta = await resolveCredential(vault, input.passwordCredential, ['pkcs12-passphrase'], 'passwordCredential');
      const password = (await vault.readSecret(meta.id)).passphrase as string;
      const check = checkKeystorePassword(password);
      if (!check.ok) throw new AppError('PASSWORD_RULE', `The stored password does not meet the keystore rule: ${check.problems.join('; ')}.`, 'passwordCredential');
      return { password, credentialId: meta.id };
    }
    const password = generatePassword();
    const label = `${input.alias} .p12 password ${deps.now().toISOString().slice(0, 19)}`;
    const meta = await vault.create({ kind: 'pkcs12-passphrase', label, secret: { passphrase: password } });
    return { password, credentialId: meta.id };
  }

  return {
    async exportPkcs12(input: P12ExportInput): Promise<P12ExportResult> {
      const aliasProblems = checkKeystoreAlias(input.alias);
      if (aliasProblems.length) throw new AppError('ALIAS_REFUSED', `Alias "${input.alias}": ${aliasProblems.join('; ')}.`, 'alias');
      const meta = await resolveCredential(vault, input.key, ['client-certificate']);
      const chainPem = meta.certificateChainPem ?? [];
      if (chainPem.length === 0) throw new AppError('NO_CERTIFICATE', `"${meta.label}" has no certificate yet: pair the CA's answer first.`, 'key');
      const chainDer = chainPem.flatMap((p) => readCertificates(p).map((c) => c.der));
      const { password, credentialId } = await choosePassword(input);
      const { privateKeyPem } = await vault.readSecret(meta.id);
      const encryption = input.legacy ? 'legacy' : 'modern';
      const p12 = buildPkcs12({ privateKeyPem: privateKeyPem as string, chainDer, alias: input.alias, password, encryption });
      if (p12.length > KEY_PAIR_UPLOAD_LIMIT) {
        throw new AppError('UPLOAD_TOO_LARGE', `The PKCS#12 is ${p12.length} bytes; Keystore → Add → Key Pair accepts at most ${KEY_PAIR_UPLOAD_LIMIT}.`, 'key');
      }
      const path = writeExport(deps.dataDir, input.outPath, p12, true);
      const out: P12ExportResult = { path, bytes: p12.length, alias: input.alias, encryption, chainLength: chainDer.length };
      if (credentialId) out.passwordCredentialId = credentialId;
      return out;
    },

    /** The leaf alone, PEM: BTP "External Certificate" service key, or a receiver's trust list. */
    async exportLeafPem(input: { ref: string; outPath: string }): Promise<FileExportResult> {
      const meta = await resolveCredential(vault, input.ref, ['client-certificate']);
      const leaf = meta.certificateChainPem?.[0];
      if (!leaf) throw new AppError('NO_CERTIFICATE', `"${meta.label}" has no certificate yet.`, 'ref');
      const path = writeExport(deps.dataDir, input.outPath, leaf, false);
      return { path, bytes: Buffer.byteLength(leaf), subject: meta.subject ?? '' };
    },

    /** One CA certificate as .cer (PEM or DER) for Keystore → Add → Certificate. */
    async exportCaCertificate(input: { pem: string; format: 'pem' | 'der'; outPath: string }): Promise<FileExportResult> {
      const certs = readCertificates(input.pem);
      if (certs.length !== 1) throw new AppError('INVALID_INPUT', 'Give exactly one certificate: the keystore takes one per upload.', 'pem');
      const cert = certs[0]!;
      const data = input.format === 'der' ? cert.der : Buffer.from(cert.pem);
      if (data.length > CERTIFICATE_UPLOAD_LIMIT) throw new AppError('UPLOAD_TOO_LARGE', `The certificate is ${data.length} bytes; the limit is ${CERTIFICATE_UPLOAD_LIMIT}.`, 'pem');
      const path = writeExport(deps.dataDir, input.outPath, data, false);
      return { path, bytes: data.length, subject: cert.facts.subject };
    },
  };
}
