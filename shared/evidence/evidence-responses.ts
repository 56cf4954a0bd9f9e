/** What the evidence services answer (CLI JSON and IPC): paths, fingerprints, counts — never a secret. */
import type { EvidenceReport } from './report-model';
import type { ExpiryItem, PathwayExpiry } from './expiry';

export interface ReportWritten {
  htmlPath: string;
  jsonPath: string;
  sha256: string;
  sha256Path: string;
  pdfPath?: string;
  pdfBytes?: number;
  signature?: { path: string; signer: string; fingerprintSha256: string; verify: string };
  summary: EvidenceReport['summary'];
}

export interface PackFileInfo {
  /** `<place folder>/<file>`. */
  path: string;
  place: string;
  purpose: string;
  /** Holds a private key (even encrypted): written only when ticked. */
  confidential: boolean;
  pathways: number[];
}

export interface PackWritten {
  target: string;
  files: Array<PackFileInfo & { sha256: string; bytes: number }>;
  /** Secret files not ticked: listed in the README, not written. */
  withheld: PackFileInfo[];
  /** The vault label of the .p12 password, when a .p12 was written. */
  p12PasswordLabel?: string;
  /** The vault label of the PGP secret keyring's passphrase, when that keyring was written. */
  pgpPassphraseLabel?: string;
}

export interface ExpiryRadar {
  items: ExpiryItem[];
  /** Per pathway number, the soonest item within 30 days (what its edge shows). */
  byPathway: Record<number, PathwayExpiry>;
}
