import type { Route } from '../net/route';
import type { TrustSets } from '../tls/assess-chain';

/** CI's FTP adapter Protection values: Explicit FTPS (AUTH TLS), Implicit FTPS (port 990), Plain FTP. */
export type FtpProtection = 'explicit' | 'implicit' | 'off';

export interface FtpProbeOptions {
  host: string;
  port: number;
  protection: FtpProtection;
  route: Route;
  /** Local trust + the modelled CI keystore (the CI keystore decides, as everywhere). */
  trust: TrustSets;
  /** Absent: anonymous login (CI's "Anonymous" authentication). */
  user?: string;
  password?: string;
  /** The directory CI reads or writes; absent: the login directory. */
  directory?: string;
  /** Opt-in: store and remove a small test file there, as the receiver adapter would write. */
  writeCheck?: boolean;
  now?: () => Date;
}
