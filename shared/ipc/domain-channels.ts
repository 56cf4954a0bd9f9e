/**
 * The channels of each capability, joined. One import line and one spread per domain file.
 */
import { credentialChannels } from './credential-channels';
import { materialChannels } from './material-channels';
import { probeChannels, probeEvents } from './probe-channels';
import { landscapeChannels, landscapeEvents } from './landscape-channels';
import { hostKeyChannels } from './hostkey-channels';
import { pgpChannels } from './pgp-channels';
import { bundleChannels } from './bundle-channels';
import { iflowChannels } from './iflow-channels';
import { evidenceChannels } from './evidence-channels';
import { trustChannels } from './trust-channels';

export const domainChannels = {
  ...iflowChannels,
  ...credentialChannels,
  ...materialChannels,
  ...probeChannels,
  ...landscapeChannels,
  ...hostKeyChannels,
  ...pgpChannels,
  ...bundleChannels,
  ...evidenceChannels,
  ...trustChannels,
} as const;

export const domainEvents = {
  ...probeEvents,
  ...landscapeEvents,
} as const;
