/**
 * Cloud Integration keystore rules (Monitor → Manage Security → Keystore), checked before export so
 * the upload is accepted the first time.
 */
import { finding, type CertFinding } from './finding';

/** Add → Key Pair upload limit. */
export const KEY_PAIR_UPLOAD_LIMIT = 30_720;
/** Add → Certificate upload limit. */
export const CERTIFICATE_UPLOAD_LIMIT = 10_240;

const RESERVED_ALIASES = ['hcicertificate', 'hcicertificate1', 'hcimsgcertificate'];

/** The keystore password rule is the vault's (one rule for the generator, the CLI and exports). */
export { checkKeystorePassword } from '../vault/password-rules';

/** Problems with a keystore alias, empty when it is acceptable. */
export function checkKeystoreAlias(alias: string): string[] {
  const problems: string[] = [];
  const lower = alias.toLowerCase();
  if (alias.trim() === '') problems.push('the alias is empty');
  if (lower.startsWith('sap_')) problems.push('aliases starting with "sap_" are reserved for SAP keys');
  if (RESERVED_ALIASES.includes(lower)) problems.push(`"${alias}" is the alias of an SAP-owned key`);
  if (/[/\\]/.test(alias)) problems.push('the alias may not contain slashes (the API refuses them in URIs)');
  return problems;
}

export function lintKeystoreUpload(kind: 'key-pair' | 'certificate', alias: string, bytes: number): CertFinding[] {
  const where = `Cloud Integration: Monitor → Manage Security → Keystore → Add → ${kind === 'key-pair' ? 'Key Pair' : 'Certificate'}`;
  const limit = kind === 'key-pair' ? KEY_PAIR_UPLOAD_LIMIT : CERTIFICATE_UPLOAD_LIMIT;
  const out: CertFinding[] = checkKeystoreAlias(alias).map((p) =>
    finding('alias-refused', 'error', `Alias "${alias}": ${p}.`, 'Choose another alias.', where, alias),
  );
  if (bytes > limit) {
    out.push(
      finding(
        'upload-too-large',
        'error',
        `The file is ${bytes} bytes; the keystore accepts at most ${limit} bytes here.`,
        kind === 'key-pair' ? 'Export only the key with its own chain (no extra certificates), or use Add → Keystore.' : 'Upload only the one certificate, DER or PEM, without a bundle.',
        where,
        alias,
      ),
    );
  }
  return out;
}
