/**
 * The tenant and its trust: the runtime host and token URL (the inbound-host rule compares with
 * them), the landscape's CA certificates and the modelled CI keystore. Certificates come from a file
 * chosen in this session's dialog (`path`) or as PEM text (a root a probe recorded); main parses
 * and checks both. Every change answers with the new view.
 */
import * as z from 'zod';
import { channel } from './define';
import type { LandscapeDetail } from './landscape-channels';
import type { TrustChange, TrustView } from '../trust/trust-view';

const landscapeId = z.string().min(1).max(100);
const alias = z.string().min(1).max(250);
const path = z.string().min(1).max(4096);
const pem = z.string().min(1).max(200_000);
const fingerprintSha256 = z.string().min(1).max(200);

export const trustChannels = {
  'tenant:update': channel<LandscapeDetail>()(
    'updateTenant',
    z.object({ landscapeId, name: z.string().max(120).optional(), runtimeHost: z.string().max(2048).optional(), tokenUrl: z.string().max(2048).optional() }),
  ),
  'trust:view': channel<TrustView>()('getTrust', z.object({ landscapeId })),
  'trust:add-ca': channel<TrustChange>()('addTrustedCa', z.object({ landscapeId, path: path.optional(), pem: pem.optional(), label: z.string().trim().min(1).max(200).optional() })),
  'trust:remove-ca': channel<TrustChange>()('removeTrustedCa', z.object({ landscapeId, fingerprintSha256 })),
  'trust:add-keystore-certificate': channel<TrustChange>()('addKeystoreCertificate', z.object({ landscapeId, path: path.optional(), pem: pem.optional(), alias: alias.optional() })),
  'trust:set-keystore-key-pair': channel<TrustChange>()('setKeystoreKeyPair', z.object({ landscapeId, alias, credentialId: z.string().min(1).max(100) })),
  'trust:remove-keystore-entry': channel<TrustChange>()('removeKeystoreEntry', z.object({ landscapeId, alias })),
} as const;
