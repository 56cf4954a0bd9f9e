/**
 * The shape every probe (TLS, HTTPS, SFTP, SMTP) shares: steps as they happen, findings with the
 * fix and where to make it, and a verdict. Only plain, secret-free data: results go to the
 * renderer, the history file and the CLI's JSON.
 */
/**
 * 'not-probed': nothing was tested on the wire (a Cloud Connector pathway: only CI can take that
 * route); the model was checked and found nothing that fails. Never shown as passed.
 */
export type Verdict = 'passed' | 'warning' | 'failed' | 'cancelled' | 'timed-out' | 'not-probed';
export type StepStatus = 'running' | 'ok' | 'warning' | 'failed' | 'skipped';
export type Severity = 'info' | 'warning' | 'error';

/** Where the fix is made: the places a consultant can act, and nowhere else. */
export const WHERE_TO_FIX = ['btp-cockpit', 'ci-monitor', 'iflow-adapter', 'peer-system', 'network', 'this-app'] as const;
export type WhereToFix = (typeof WHERE_TO_FIX)[number];

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  fix: string;
  whereToFix: WhereToFix;
  /**
   * When the fix is a field of this app's direction panel (whereToFix 'this-app'): that field
   * (protocol, endpoint, proxy, locationId, virtualHost, auth, credentialId, credentialName,
   * keystoreAlias, …), so the finding can take the user there and focus it.
   */
  field?: string;
  /** The literal message the real system (CI, the sender, the server) would show, when known. */
  literal?: string;
}

export interface ProbeStep {
  id: string;
  label: string;
  status: StepStatus;
  /** Milliseconds since the probe started. */
  startedMs: number;
  durationMs?: number;
  detail?: string;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  serialNumber: string;
  fingerprintSha256: string;
  selfSigned: boolean;
  /** The PEM of a self-signed certificate (a root) the server sent: public, offered for “Add to keystore”. */
  pem?: string;
}

export interface ProbeResult {
  probeId: string;
  kind: 'tls' | 'https' | 'sftp' | 'smtp' | 'ftp' | 'imap' | 'pop3' | 'amqp';
  target: { host: string; port: number };
  verdict: Verdict;
  startedAt: string;
  finishedAt: string;
  steps: ProbeStep[];
  findings: Finding[];
  /** Redacted transcript lines. */
  transcript: string[];
  /** The route taken: direct, or through which proxy. */
  route?: string;
  /** The chain exactly as the server sent it, leaf first. */
  chain?: CertificateSummary[];
  /** Protocol-specific facts (tls version and cipher, host key, smtp capabilities, …). */
  facts?: Record<string, string | number | boolean | string[]>;
}

/** The route a pathway's probe would take from this laptop now (shown before a run). */
export interface RoutePreview {
  route: string;
  /** Why the route cannot be decided (PAC unreadable, SOCKS only, …). */
  finding?: Finding;
}

export interface ProbeProgress {
  probeId: string;
  landscapeId?: string;
  pathwayNumber?: number;
  step?: ProbeStep;
  result?: ProbeResult;
}

/** How each place is named to the user (renderer, CLI): one wording everywhere. */
export const WHERE_TO_FIX_LABELS: Record<WhereToFix, string> = {
  'btp-cockpit': 'BTP cockpit',
  'ci-monitor': 'Cloud Integration → Monitor → Manage Security',
  'iflow-adapter': "the iFlow's adapter (Cloud Integration → Design)",
  'peer-system': 'the peer system',
  network: 'the network or proxy',
  'this-app': 'this app',
};
