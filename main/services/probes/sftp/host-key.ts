/**
 * Facts about an SSH host key as the server sent it (the raw SSH wire blob): its type, the
 * `SHA256:` fingerprint exactly as `ssh-keygen -lf` prints it, and the known_hosts line CI needs.
 */
import { createHash } from 'node:crypto';

export interface HostKeyInfo {
  keyType: string;
  keyBase64: string;
  fingerprint: string;
  /** The host field of the known_hosts line: `host` on 22, `[host]:port` otherwise. */
  knownHostsHost: string;
  knownHostsLine: string;
}

/** The first SSH string of the blob names the key type (ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa). */
export function readKeyType(raw: Buffer): string {
  if (raw.length < 4) throw new Error('host key blob too short');
  const len = raw.readUInt32BE(0);
  if (len > raw.length - 4) throw new Error('host key blob malformed');
  return raw.subarray(4, 4 + len).toString('latin1');
}

export function fingerprintOf(raw: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(raw).digest('base64').replace(/=+$/, '');
}

export function formatKnownHostsHost(host: string, port: number): string {
  return port === 22 ? host.toLowerCase() : `[${host.toLowerCase()}]:${port}`;
}

/**
 * `knownHostsFor` is the host CI connects to: the pathway host, or the Cloud Connector virtual host
 * for On-Premise pathways (CI never sees the real host there).
 */
export function describeHostKey(raw: Buffer, knownHostsFor: { host: string; port: number }): HostKeyInfo {
  const keyType = readKeyType(raw);
  const keyBase64 = raw.toString('base64');
  const knownHostsHost = formatKnownHostsHost(knownHostsFor.host, knownHostsFor.port);
  return {
    keyType,
    keyBase64,
    fingerprint: fingerprintOf(raw),
    knownHostsHost,
    knownHostsLine: `${knownHostsHost} ${keyType} ${keyBase64}`,
  };
}
