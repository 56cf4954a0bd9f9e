/** Text output of the pgp command (keys, exports, lint). */
import type { PgpExportResult, PgpKeySummary, PgpLintResult } from '../../../shared/pgp/pgp-types';

const date = (iso: string | null) => (iso ? iso.slice(0, 10) : 'never');

export function formatKey(k: PgpKeySummary): string {
  const subs = k.subkeys.map((s) => `    sub  ${s.algorithm.padEnd(12)} ${s.keyId}  ${[s.canSign && 'sign', s.canEncrypt && 'encrypt'].filter(Boolean).join('+') || '—'}  expires ${date(s.expires)}${s.revoked ? '  REVOKED' : ''}`);
  return [
    `${k.label}  (${k.role === 'own' ? 'own key: public + secret' : 'partner: public only'})`,
    `    ${k.algorithm.padEnd(16)} key ID ${k.keyId}  expires ${date(k.expires)}${k.revoked ? '  REVOKED' : ''}`,
    `    fingerprint ${k.fingerprint.toUpperCase().replace(/(.{4})/g, '$1 ').trim()}`,
    ...k.userIds.map((u) => `    uid  ${u}`),
    ...subs,
  ].join('\n');
}

export function formatExport(r: PgpExportResult): string {
  return [
    `wrote the ${r.keyring} keyring (${r.format}, ${r.keys.length} key${r.keys.length === 1 ? '' : 's'}) to ${r.path}`,
    ...r.keys.map((k) => `  ${k.keyId}  ${k.userIds[0] ?? ''}  (${k.label})`),
    `upload: ${r.where}`,
    ...r.upload.map((u) => `  ${u.title}: ${u.effect}`),
  ].join('\n');
}

export function formatLint(r: PgpLintResult): string {
  if (r.findings.length === 0) return 'no findings';
  const lines = r.findings.map((f) => {
    const about = [f.key && `key "${f.key}"`, f.pathway !== undefined && `pathway ${f.pathway}`].filter(Boolean).join(', ');
    return `${f.severity.toUpperCase().padEnd(7)} ${f.code}${about ? ` (${about})` : ''}: ${f.message}\n        fix: ${f.fix}\n        where: ${f.whereToFix}`;
  });
  return [...lines, `${r.errors} error(s), ${r.warnings} warning(s)`].join('\n');
}
