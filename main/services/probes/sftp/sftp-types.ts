import type { Duplex } from 'node:stream';
import type { Algorithms } from 'ssh2';

/** What the SFTP runner needs from a pathway, already resolved (credential read from the vault). */
export type SshAuthMode = 'none' | 'password' | 'publickey' | 'dual';

export interface HostKeyPin {
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  confirmedBy: string;
  confirmedHow: string;
  confirmedAt: string;
}

export interface SftpProbeOptions {
  host: string;
  port: number;
  /** The host CI puts in known_hosts: the Cloud Connector virtual host for On-Premise pathways. */
  knownHostsHost?: { host: string; port: number };
  /** The landscape's modelled CI known_hosts (lines or whole files). */
  knownHosts: string[];
  /** The confirmed pin for host + port + key type, if any. Never accept a key without one. */
  findPin: (host: string, port: number, keyType: string) => HostKeyPin | undefined;
  /** Told about every key the probe saw, so that a confirmation can refer to it. */
  observe?: (seen: { host: string; port: number; keyType: string; fingerprint: string }) => void;
  auth: SshAuthMode;
  user?: string;
  password?: string;
  privateKey?: string;
  passphrase?: string;
  /** Directory under the user's home to check; `writeCheck` creates and removes a temp file. */
  directory?: string;
  writeCheck?: boolean;
  /** Offered algorithms (tests restrict them); defaults to ssh2's. */
  algorithms?: Algorithms;
  /** Through a proxy: the tunnel already opened for the first login, and how to open another. */
  sock?: Duplex;
  openSocket?: () => Promise<Duplex>;
}
