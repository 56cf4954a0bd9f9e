import type { Route } from '../net/route';
import type { TrustSets } from '../tls/assess-chain';

/** CI's Mail sender adapter Protection: STARTTLS (143 / 110), SSL/TLS (993 / 995), Off. */
export type MailboxProtection = 'starttls' | 'tls' | 'off';
export type MailboxProtocol = 'imap' | 'pop3';

export interface MailboxProbeOptions {
  host: string;
  port: number;
  protection: MailboxProtection;
  route: Route;
  /** Local trust + the modelled CI keystore (the CI keystore decides, as everywhere). */
  trust: TrustSets;
  user: string;
  password: string;
  /** IMAP: the folder CI polls (default INBOX). POP3 has only the inbox. */
  folder?: string;
  now?: () => Date;
}

/** The default port per protocol and protection (SSL/TLS: 993 / 995; STARTTLS and Off: 143 / 110). */
export function mailboxDefaultPort(protocol: MailboxProtocol, protection: MailboxProtection): number {
  if (protocol === 'imap') return protection === 'tls' ? 993 : 143;
  return protection === 'tls' ? 995 : 110;
}
