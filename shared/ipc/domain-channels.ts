/**
 * The channels of each capability, joined. One import line and one spread per domain file.
 */
import { credentialChannels } from './credential-channels';
import { materialChannels } from './material-channels';

export const domainChannels = {
  ...credentialChannels,
  ...materialChannels,
} as const;

export const domainEvents = {} as const;
