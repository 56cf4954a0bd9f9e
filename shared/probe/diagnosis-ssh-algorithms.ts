/**
 * What Cloud Integration's SFTP client will say about the algorithms an SSH server offers
 * (shared/ssh/ci-ssh-algorithms.ts): only deprecated ones in common → refused unless the adapter's
 * "Enable Support for Deprecated Algorithms" is ticked; nothing in common → refused. Every message
 * says which part SAP documents and which part is inferred from JSch's defaults.
 */
import {
  ACCEPTED,
  basisOf,
  DEPRECATED,
  JSCH_KIND_NAMES,
  KIND_LABELS,
  SSH_KINDS,
  type CiSshJudgement,
  type ServerOffers,
  type SshAlgorithmKind,
} from '../ssh/ci-ssh-algorithms';
import type { Finding } from './probe-types';

/** JSch's client proposal for a kind; for key exchange JSch ≥ 0.2.15 appends its two markers. */
function jschProposal(kind: SshAlgorithmKind, withDeprecated: boolean): string {
  const list = [...ACCEPTED[kind], ...(withDeprecated ? DEPRECATED[kind] : [])];
  if (kind === 'kex') list.push('ext-info-c', 'kex-strict-c-v00@openssh.com');
  return list.join(',');
}

/**
 * JSch's literal for the first kind it fails on (it negotiates kex, host key, cipher, MAC in that
 * order and stops at the first): JSchAlgoNegoFailException's message since 0.2.x.
 */
export function jschNegotiationLiteral(kind: SshAlgorithmKind, offers: ServerOffers, withDeprecated: boolean): string {
  return (
    `com.jcraft.jsch.JSchAlgoNegoFailException: Algorithm negotiation fail: algorithmName="${JSCH_KIND_NAMES[kind]}" ` +
    `jschProposal="${jschProposal(kind, withDeprecated)}" serverProposal="${(offers[kind] ?? []).join(',')}"`
  );
}

const firstOf = (kinds: readonly SshAlgorithmKind[]): SshAlgorithmKind => SSH_KINDS.find((k) => kinds.includes(k))!;

function offered(offers: ServerOffers, kinds: readonly SshAlgorithmKind[]): string {
  return kinds.map((k) => `${KIND_LABELS[k]}: ${(offers[k] ?? []).join(', ') || 'none'}`).join('; ');
}

/**
 * The agreed algorithms with their basis: once at the end when all share it ("… (all inferred from
 * JSch's defaults)"), after each one when SAP documents some of them.
 */
export function agreedWithBasis(j: CiSshJudgement, kinds: readonly SshAlgorithmKind[]): string {
  const items = kinds.map((k) => ({ text: `${KIND_LABELS[k]} ${j.agreed[k]}`, basis: basisOf(j.agreed[k]!) }));
  if (!items.length) return '';
  const bases = new Set(items.map((i) => i.basis));
  if (bases.size > 1) return items.map((i) => `${i.text} (${i.basis})`).join(', ');
  return `${items.map((i) => i.text).join(', ')} (${items.length > 1 ? 'all ' : ''}${items[0]!.basis})`;
}

const MODERN_FIX =
  'Enable current algorithms on the SFTP server: key exchange curve25519-sha256, ecdh-sha2-nistp256 or diffie-hellman-group14-sha256; host key ssh-ed25519, ecdsa-sha2-nistp256 or rsa-sha2-256; ciphers aes128-ctr or aes256-gcm@openssh.com; MAC hmac-sha2-256.';

export function ciSshFindings(j: CiSshJudgement, offers: ServerOffers): Finding[] {
  if (j.status === 'refuses') {
    return [
      {
        code: 'sftp.ci-algorithms-refused',
        severity: 'error',
        message:
          `Cloud Integration's SFTP client shares no ${j.noCommon.map((k) => KIND_LABELS[k]).join(' / ')} algorithm with this server, ` +
          `not even with "Enable Support for Deprecated Algorithms" (server offers ${offered(offers, j.noCommon)}). ` +
          "CI's list is inferred from JSch's defaults: SAP publishes none.",
        fix: MODERN_FIX,
        whereToFix: 'peer-system',
        literal: jschNegotiationLiteral(firstOf(j.noCommon), offers, true),
      },
    ];
  }
  if (j.status === 'deprecated') {
    return [
      {
        code: 'sftp.ci-algorithms-deprecated',
        severity: 'error',
        message:
          `Cloud Integration's SFTP client agrees with this server only on deprecated ${agreedWithBasis(j, j.needsDeprecated)}: ` +
          `with the adapter's default settings the connection fails (server offers ${offered(offers, j.needsDeprecated)}).`,
        fix: `${MODERN_FIX} As a stopgap, tick "Enable Support for Deprecated Algorithms" in the SFTP adapter of the integration flow (KBA 3079510).`,
        whereToFix: 'peer-system',
        literal: jschNegotiationLiteral(firstOf(j.needsDeprecated), offers, false),
      },
    ];
  }
  return [];
}
