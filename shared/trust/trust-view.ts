/**
 * What the Trust screen shows of a landscape: its CA certificates (what the senders and this laptop
 * trust) and the MODELLED Cloud Integration keystore (alias → trusted certificate, or key pair from
 * the vault). Public data only; pure helpers for names a consultant would type.
 */
export interface TrustCertificate {
  subject: string;
  issuer: string;
  notAfter: string;
  fingerprintSha256: string;
  isCa: boolean;
  selfSigned: boolean;
}

export interface TrustCa extends TrustCertificate {
  label: string;
}

export interface TrustKeystoreEntry {
  alias: string;
  kind: 'certificate' | 'key-pair';
  /** The trusted certificate, or the key pair's leaf certificate (from the vault). */
  certificate?: TrustCertificate;
  credentialId?: string;
  credentialLabel?: string;
  /** Pathways whose Private Key Alias names this entry. */
  pathways: number[];
  /** What is wrong with the entry, in words, with where to fix it. */
  problem?: string;
}

export interface TrustView {
  landscapeId: string;
  cas: TrustCa[];
  keystore: TrustKeystoreEntry[];
}

export interface TrustChange {
  view: TrustView;
  /** One sentence for the status line: what was added, removed or skipped. */
  message: string;
}

/** The CN of an RFC 4514-ish subject ("CN=Acme Root CA, O=Acme"), or the whole subject. */
export function commonName(subject: string): string {
  const m = /(?:^|[,\n/]\s*)CN=([^,\n/]+)/i.exec(subject);
  return (m?.[1] ?? subject).trim();
}

/** An alias a consultant would choose for a trusted certificate: lower case, underscores, no sap_ prefix. */
export function suggestAlias(subject: string, taken: readonly string[] = []): string {
  const base =
    commonName(subject)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^sap_/, 'ca_')
      .slice(0, 60) || 'trusted_ca';
  const used = new Set(taken.map((a) => a.toLowerCase()));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}
