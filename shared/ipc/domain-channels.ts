/**
 * The channels of each capability, joined. One import line and one spread per domain file.
 */
import { credentialChannels } from './credential-channels';

export const domainChannels = {
  ...credentialChannels,
} as const;

export const domainEvents = {} as const;
