/**
 * The public results of vault operations, as IPC responses and CLI --json output. None of these
 * carries a secret value (test/keychain/ipc-no-secrets.test.ts walks them); only the explicit
 * reveal response does, and only for that act.
 */
import type { KeychainStatus } from '../ipc/app-channels';
import type { CredentialKind, CredentialMeta } from './credential-kinds';
import type { PasswordClass, RuleCheck } from './password-rules';
import type { ServiceKeyPlan, ServiceKeyType } from './service-key';

export type OrphanKind = 'secret-without-metadata' | 'metadata-without-secret' | 'secret-unreadable' | 'stray-blob';

export interface Orphan {
  kind: OrphanKind;
  /** The credential id, or the blob file name for a stray blob. */
  id: string;
  /** The label, when metadata exists. */
  label?: string;
  /** What repair will do, in words the user can confirm. */
  repair: string;
}

export interface RepairReport {
  repaired: Orphan[];
  remaining: Orphan[];
}

export interface PasswordChecks {
  keystore: RuleCheck;
  userCredentials: RuleCheck;
}

export interface GeneratedPassword {
  /** Hand this to a create call instead of the password; it is used once and expires. */
  generatedId: string;
  length: number;
  classes: PasswordClass[];
  checks: PasswordChecks;
}

export interface InboundOffer {
  /** The runtime host to call (integration-flow plan) or the API host (api plan). */
  endpointUrl: string;
  tokenUrl: string;
  clientId: string;
  plan: ServiceKeyPlan;
  authentication: 'oauth2-client-credentials' | 'client-certificate';
}

export interface ServiceKeyImportResult {
  type: ServiceKeyType;
  plan: ServiceKeyPlan;
  wrapped: boolean;
  created: CredentialMeta[];
  offer: InboundOffer;
  notes: string[];
}

export interface CredentialUsage {
  landscapeId: string;
  landscapeName: string;
  /** e.g. "pathway 2: S/4HANA → Cloud Integration" or "CI keystore alias erp_client". */
  what: string;
}

export interface CredentialList {
  credentials: CredentialMeta[];
  keychain: KeychainStatus;
  /** Pathways and keystore entries using each credential, by credential id. */
  usage: Record<string, CredentialUsage[]>;
}

/** The one response that carries secret values: only for the user's explicit Reveal. */
export interface RevealedSecret {
  id: string;
  label: string;
  kind: CredentialKind;
  revealed: Record<string, string>;
}

export interface CopiedSecret {
  field: string;
  clearAfterSeconds: number;
}
