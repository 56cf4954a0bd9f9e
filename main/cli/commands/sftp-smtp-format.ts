/** The SFTP and SMTP facts a person needs from a probe result (host key line, capabilities, …). */
import type { ProbeResult } from '../../../shared/probe/probe-types';
import type { SshScanResult } from '../../services/probes/sftp/ssh-scan';

const list = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v));

export function protocolFactLines(r: ProbeResult): string[] {
  const f = r.facts ?? {};
  const lines: string[] = [];
  if (f.hostKeyFingerprint) {
    lines.push(`  Host key: ${String(f.hostKeyType)} ${String(f.hostKeyFingerprint)} (${String(f.hostKeyPin)})`);
    lines.push(`  known_hosts line: ${String(f.knownHostsLine)}`);
    lines.push(`  CI will say: ${String(f.ciVerdict)}`);
  }
  if (f.ciSshVerdict) {
    lines.push(`  Algorithms as CI's SSH client: ${String(f.ciSshVerdict)}`);
    if (f.ciSshAlgorithms) lines.push(`    agrees on: ${String(f.ciSshAlgorithms)}`);
    if (f.ciSshBasis) lines.push(`    basis: ${String(f.ciSshBasis)}`);
  }
  if (f.smtpBanner) lines.push(`  Banner: ${String(f.smtpBanner)}`);
  if (f.smtpCapabilities) lines.push(`  EHLO: ${list(f.smtpCapabilitiesAfterTls ?? f.smtpCapabilities)}`);
  if (f.smtpAuthMechanisms) lines.push(`  AUTH: ${list(f.smtpAuthMechanisms) || '(none offered)'}`);
  return lines;
}

export function formatScan(s: SshScanResult): string {
  return [
    `${s.host}:${s.port}`,
    `  key type:    ${s.hostKey.keyType}`,
    `  fingerprint: ${s.hostKey.fingerprint}`,
    `  known_hosts: ${s.hostKey.knownHostsLine}`,
    `  CI will say: ${s.ciVerdict}`,
  ].join('\n');
}
