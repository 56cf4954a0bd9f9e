/**
 * The channels of each capability, joined. One import line and one spread per domain file.
 */
export const domainChannels = {} as const;

export const domainEvents = {} as const;
