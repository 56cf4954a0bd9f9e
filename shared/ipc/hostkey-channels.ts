/**
 * SFTP host keys over IPC: read the key a pathway's server presents (nothing else is sent), and
 * pin it into the landscape only with an out-of-band confirmation — who compared the fingerprint,
 * and how. The main side refuses a fingerprint the server did not present in this session.
 */
import * as z from 'zod';
import { channel } from './define';
import type { HostKeyTrust } from '../landscape/landscape-schema';

export interface HostKeyScan {
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  knownHostsLine: string;
  /** CI's verdict against the modelled known_hosts: 'match' | 'missing' | 'changed' | 'revoked'. */
  ciStatus: string;
  ciVerdict: string;
  /** The landscape's current pin for this host, port and key type, if any. */
  pinned?: HostKeyTrust;
}

const landscapeId = z.string().min(1).max(200);

export const hostKeyChannels = {
  'hostkeys:scan': channel<HostKeyScan>()(
    'scanHostKey',
    z.object({ landscapeId, pathwayId: z.string().min(1).max(100) }),
  ),
  'hostkeys:pin': channel<HostKeyTrust>()(
    'pinHostKey',
    z.object({
      landscapeId,
      host: z.string().min(1).max(253),
      port: z.number().int().min(1).max(65535),
      keyType: z.string().min(1).max(60),
      fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/),
      confirmedBy: z.string().trim().min(1).max(200),
      confirmedHow: z.string().trim().min(1).max(500),
    }),
  ),
  'hostkeys:list': channel<{ pins: HostKeyTrust[] }>()('listHostKeys', z.object({ landscapeId })),
} as const;
