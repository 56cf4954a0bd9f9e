import type { Route } from '../net/route';
import type { TrustSets } from '../tls/assess-chain';
import type { SmtpAuthMode } from './smtp-auth';

/** CI's mail adapter Protection values. */
export type SmtpProtection = 'off' | 'starttls-mandatory' | 'starttls-optional' | 'smtps';

export interface SmtpProbeOptions {
  host: string;
  port: number;
  protection: SmtpProtection;
  route: Route;
  /** Local trust + the modelled CI keystore (the CI keystore predicts CI's verdict). */
  trust: TrustSets;
  auth: SmtpAuthMode;
  user?: string;
  password?: string;
  /** CI's "Check Mail Addresses": MAIL FROM / RCPT TO, then RSET — never DATA. */
  from?: string;
  to?: string;
  ehloName?: string;
  now?: () => Date;
}
