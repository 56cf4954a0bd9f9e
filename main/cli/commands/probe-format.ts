/**
 * How the CLI prints a probe result for a person: verdict, steps with timing, chain, findings with
 * the fix and where to make it. (`--json` prints the result object itself.)
 */
import { WHERE_TO_FIX_LABELS, type ProbeResult, type Verdict } from '../../../shared/probe/probe-types';
import { protocolFactLines } from './sftp-smtp-format';

export function exitCodeFor(verdicts: Verdict[]): number {
  return verdicts.every((v) => v === 'passed' || v === 'warning' || v === 'not-probed') ? 0 : 1;
}

export function formatResult(r: ProbeResult, title: string): string {
  const lines = [`${title}: ${r.verdict.toUpperCase()}  (${r.target.host}:${r.target.port}${r.route ? `, ${r.route}` : ''})`];
  for (const s of r.steps) lines.push(`  [${s.status}] ${s.label}${s.durationMs !== undefined ? ` ${s.durationMs} ms` : ''}${s.detail ? ` — ${s.detail}` : ''}`);
  lines.push(...protocolFactLines(r));
  if (r.facts?.tlsProtocol) lines.push(`  TLS: ${String(r.facts.tlsProtocol)} ${String(r.facts.tlsCipher ?? '')}`);
  if (r.facts?.tlsClientProfile) lines.push(`  Verdict as: ${String(r.facts.tlsClientProfile)}`);
  if (r.chain?.length) {
    lines.push('  Chain (as sent by the server):');
    r.chain.forEach((c, i) => {
      lines.push(`    [${i}] ${c.subject}`, `        issuer ${c.issuer}`, `        valid ${c.notBefore} → ${c.notAfter}`, `        SHA-256 ${c.fingerprintSha256}`);
    });
  }
  for (const f of r.findings) {
    lines.push(`  ${f.severity.toUpperCase()} ${f.code}: ${f.message}`, `    fix (${WHERE_TO_FIX_LABELS[f.whereToFix] ?? f.whereToFix}): ${f.fix}`);
    if (f.literal) lines.push(`    the real system says: ${f.literal}`);
  }
  return lines.join('\n');
}
