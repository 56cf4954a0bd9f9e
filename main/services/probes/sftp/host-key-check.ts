/**
 * The host-key half of the SFTP probe: our own trust decision (a confirmed pin, never silent
 * acceptance) and CI's predicted verdict against the modelled known_hosts.
 */
import type { Finding } from '../../../../shared/probe/probe-types';
import { sftpDiagnosis } from '../../../../shared/probe/diagnosis-sftp-smtp';
import { describeHostKey, type HostKeyInfo } from './host-key';
import { predictCiVerdict, type CiHostKeyVerdict } from './known-hosts-match';
import type { HostKeyPin, SftpProbeOptions } from './sftp-types';

export type PinStatus = 'confirmed' | 'unconfirmed' | 'changed';

export interface HostKeyAssessment {
  info: HostKeyInfo;
  pin?: HostKeyPin;
  pinStatus: PinStatus;
  ci: CiHostKeyVerdict;
}

export function assessHostKey(raw: Buffer, opts: Pick<SftpProbeOptions, 'host' | 'port' | 'knownHostsHost' | 'knownHosts' | 'findPin'>): HostKeyAssessment {
  const ciTarget = opts.knownHostsHost ?? { host: opts.host, port: opts.port };
  const info = describeHostKey(raw, ciTarget);
  const pin = opts.findPin(opts.host, opts.port, info.keyType);
  const pinStatus: PinStatus = !pin ? 'unconfirmed' : pin.fingerprint === info.fingerprint ? 'confirmed' : 'changed';
  return { info, pin, pinStatus, ci: predictCiVerdict(opts.knownHosts, info, ciTarget) };
}

export function hostKeyFindings(a: HostKeyAssessment): Finding[] {
  const findings: Finding[] = [];
  if (a.pinStatus === 'unconfirmed') findings.push(sftpDiagnosis.hostKeyNotConfirmed(a.info.fingerprint));
  if (a.pinStatus === 'changed') findings.push(sftpDiagnosis.hostKeyChangedSincePin(a.info.fingerprint, a.pin!.fingerprint));
  if (a.ci.status === 'missing') findings.push(sftpDiagnosis.hostKeyUnknownToCi(a.info.knownHostsLine));
  if (a.ci.status === 'changed') findings.push(sftpDiagnosis.hostKeyChangedForCi(a.info.knownHostsLine, a.ci.existingFingerprint));
  if (a.ci.status === 'revoked') findings.push(sftpDiagnosis.hostKeyChangedForCi(a.info.knownHostsLine, 'a @revoked entry for this very key'));
  return findings;
}

/** The words CI's SSH test would use, for the CLI and the panel. */
export function ciVerdictText(ci: CiHostKeyVerdict): string {
  if (ci.status === 'match') return 'known_hosts matches: CI accepts the host key';
  if (ci.status === 'missing') return 'reject HostKey (no entry for this host and key type)';
  if (ci.status === 'revoked') return 'the key is marked @revoked in known_hosts';
  return `HostKey has been changed (known_hosts holds ${ci.existingFingerprint})`;
}
