/**
 * Direction and the authentication methods valid for a protocol and direction. Direction is
 * derived, never stored: a pathway to the tenant is inbound, one from the tenant is outbound.
 */
import { TENANT_ID, type Adapter, type AuthMethod, type Direction, type Protocol } from './vocabulary';

export function deriveDirection(p: { from: string; to: string }): Direction | undefined {
  if (p.to === TENANT_ID && p.from !== TENANT_ID) return 'inbound';
  if (p.from === TENANT_ID && p.to !== TENANT_ID) return 'outbound';
  return undefined;
}

/** The peer of a pathway: the side that is not the tenant. */
export function peerOf(p: { from: string; to: string }): string {
  return p.from === TENANT_ID ? p.to : p.from;
}

const VALID_AUTH: Record<Protocol, Record<Direction, AuthMethod[]>> = {
  // 'none': an HTTPS sender or receiver adapter may be configured without authentication (public APIs).
  https: {
    inbound: ['basic', 'client-certificate', 'oauth2-client-credentials', 'none'],
    outbound: ['basic', 'client-certificate', 'oauth2-client-credentials', 'none'],
  },
  // SFTP: CI is always the SSH client (the sender adapter polls), so both directions share the list.
  // 'none' is what CI's SSH connectivity test offers to check the host (key) alone.
  sftp: { inbound: ['password', 'public-key', 'dual', 'none'], outbound: ['password', 'public-key', 'dual', 'none'] },
  // CI sends mail (receiver adapter); it does not accept SMTP, so inbound has no valid method.
  smtp: { inbound: [], outbound: ['none', 'plain', 'encrypted'] },
  // FTP: CI is the client both ways (the sender adapter polls); 'none' is anonymous login.
  ftp: { inbound: ['password', 'none'], outbound: ['password', 'none'] },
  // IMAP / POP3: only the mail sender adapter polls a mailbox, so they are inbound only.
  imap: { inbound: ['plain'], outbound: [] },
  pop3: { inbound: ['plain'], outbound: [] },
  // AMQP: CI is the broker's client (sender consumes, receiver produces); SASL PLAIN or none.
  amqp: { inbound: ['plain', 'none'], outbound: ['plain', 'none'] },
  // Adapters the model does not probe keep whatever their iFlow says.
  other: { inbound: ['basic', 'client-certificate', 'oauth2-client-credentials', 'password', 'public-key', 'none'], outbound: ['basic', 'client-certificate', 'oauth2-client-credentials', 'password', 'public-key', 'none'] },
};

export function validAuthMethods(protocol: Protocol, direction: Direction): AuthMethod[] {
  return [...VALID_AUTH[protocol][direction]];
}

export function isAuthValid(protocol: Protocol, direction: Direction, auth: AuthMethod): boolean {
  return VALID_AUTH[protocol][direction].includes(auth);
}

const ADAPTERS: Record<Protocol, Adapter[]> = {
  https: ['http', 'soap', 'idoc', 'odata'],
  sftp: ['sftp'],
  smtp: ['mail'],
  ftp: ['ftp'],
  imap: ['mail'],
  pop3: ['mail'],
  amqp: ['amqp'],
  other: ['other'],
};

export function validAdapters(protocol: Protocol): Adapter[] {
  return [...ADAPTERS[protocol]];
}

/** Protocols where CI opens the connection in both directions (polling senders, brokers). */
const CI_ALWAYS_CLIENT: readonly Protocol[] = ['sftp', 'ftp', 'imap', 'pop3', 'amqp'];

/**
 * Who opens the connection decides where the credential lives: CI is the client on every
 * outbound pathway and on SFTP, FTP, mailbox and AMQP polling, so those credentials go to the CI Monitor.
 */
export function ciIsClient(protocol: Protocol, direction: Direction): boolean {
  return direction === 'outbound' || CI_ALWAYS_CLIENT.includes(protocol);
}
