/**
 * The SSH algorithms Cloud Integration's SFTP client accepts, judged against what a server offers.
 *
 * Where SAP's documentation stops: the SFTP adapters' *Enable Support for Deprecated Algorithms*
 * (off by default) "allow[s] several deprecated key exchange, public key, host key, and encryption
 * algorithms like the 'diffie-hellman-group1-sha1' key exchange algorithm or the 'ssh-rsa' host key
 * and public key algorithm" (configure-the-sftp-receiver-adapter-4ef52cf.md, KBA 3079510). Those two
 * names are all SAP publishes; there is no list of what CI accepts.
 *
 * What the rest is inferred from: CI's SSH errors are JSch's literals (`reject HostKey`, `Auth fail`,
 * `Algorithm negotiation fail`), and SAP's split matches the maintained JSch's (mwiede/jsch): its
 * 0.2.0–0.2.24 defaults (`JSch.java`) are `ACCEPTED`, in JSch's order of preference; what 0.2.0
 * dropped from the JSch 0.1.5x defaults is `DEPRECATED`. SAP's KBA 2963487 (SuccessFactors'
 * Integration Center, JSch 0.2.16) lists exactly these two generations together, and KBA 3562543
 * shows the old generation alone (JSch 0.1.53) — other SAP products, the same library.
 * Later JSch releases put mlkem768x25519-sha256 first and prefer AES-GCM;
 * that changes which algorithm is picked, not whether a server is reached. JSch needs a common MAC
 * even when the cipher is AEAD (KeyExchange.guess matches every proposal before it looks at AEAD).
 */
export type SshAlgorithmKind = 'kex' | 'hostKey' | 'cipher' | 'mac';
export const SSH_KINDS: readonly SshAlgorithmKind[] = ['kex', 'hostKey', 'cipher', 'mac'];

export const ACCEPTED: Record<SshAlgorithmKind, readonly string[]> = {
  kex: [
    'curve25519-sha256',
    'curve25519-sha256@libssh.org',
    'ecdh-sha2-nistp256',
    'ecdh-sha2-nistp384',
    'ecdh-sha2-nistp521',
    'diffie-hellman-group-exchange-sha256',
    'diffie-hellman-group16-sha512',
    'diffie-hellman-group18-sha512',
    'diffie-hellman-group14-sha256',
  ],
  hostKey: ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256'],
  cipher: ['aes128-ctr', 'aes192-ctr', 'aes256-ctr', 'aes128-gcm@openssh.com', 'aes256-gcm@openssh.com'],
  mac: ['hmac-sha2-256-etm@openssh.com', 'hmac-sha2-512-etm@openssh.com', 'hmac-sha1-etm@openssh.com', 'hmac-sha2-256', 'hmac-sha2-512', 'hmac-sha1'],
};

/** Accepted only with "Enable Support for Deprecated Algorithms" (JSch 0.1.55's defaults that 0.2.x dropped). */
export const DEPRECATED: Record<SshAlgorithmKind, readonly string[]> = {
  kex: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'],
  hostKey: ['ssh-rsa', 'ssh-dss'],
  cipher: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-ctr', '3des-cbc', 'blowfish-cbc'],
  mac: ['hmac-md5', 'hmac-sha1-96', 'hmac-md5-96'],
};

/** The only algorithms SAP itself names (as needing the deprecated switch). */
export const SAP_DOCUMENTED_DEPRECATED: readonly string[] = ['ssh-rsa', 'diffie-hellman-group1-sha1'];

export const CI_SSH_BASIS =
  'SAP documents only that ssh-rsa and diffie-hellman-group1-sha1 need “Enable Support for Deprecated Algorithms” (KBA 3079510); ' +
  "every other algorithm is inferred from the defaults of JSch (mwiede/jsch 0.2.x), the SSH library whose messages CI shows.";

export const KIND_LABELS: Record<SshAlgorithmKind, string> = { kex: 'key exchange', hostKey: 'host key', cipher: 'cipher', mac: 'MAC' };

/** JSch's names for the kinds in its "Algorithm negotiation fail" message. */
export const JSCH_KIND_NAMES: Record<SshAlgorithmKind, string> = { kex: 'kex', hostKey: 'server_host_key', cipher: 'cipher.c2s', mac: 'mac.c2s' };

export type ServerOffers = Partial<Record<SshAlgorithmKind, string[]>>;

export interface CiSshJudgement {
  /** accepts: CI's default settings negotiate; deprecated: only with the adapter's switch on; refuses: never. */
  status: 'accepts' | 'deprecated' | 'refuses';
  /** What CI would pick per kind (the first of CI's list the server offers), for the kinds the server told. */
  agreed: Partial<Record<SshAlgorithmKind, string>>;
  /** Kinds whose only common algorithms are deprecated. */
  needsDeprecated: SshAlgorithmKind[];
  /** Kinds with nothing in common at all. */
  noCommon: SshAlgorithmKind[];
}

/** Server offers as ssh2 logs them: "KEX method: a,b" (the "(remote)" prefix already cut) → { kex: [a, b] }. */
export function parseRemoteOffers(lines: readonly string[]): ServerOffers {
  const map: Record<string, SshAlgorithmKind> = { 'KEX method': 'kex', 'Host key format': 'hostKey', 'C->S cipher': 'cipher', 'C->S MAC': 'mac' };
  const out: ServerOffers = {};
  for (const line of lines) {
    const m = /^([^:]+):\s*(.*)$/.exec(line.trim());
    const kind = m ? map[m[1]!] : undefined;
    if (kind && m) out[kind] = m[2]!.split(',').map((s) => s.trim()).filter(Boolean);
  }
  return out;
}

export function judgeCiSsh(offers: ServerOffers): CiSshJudgement {
  const agreed: CiSshJudgement['agreed'] = {};
  const needsDeprecated: SshAlgorithmKind[] = [];
  const noCommon: SshAlgorithmKind[] = [];
  for (const kind of SSH_KINDS) {
    const offered = offers[kind];
    if (!offered) continue;
    const current = ACCEPTED[kind].find((a) => offered.includes(a));
    const old = DEPRECATED[kind].find((a) => offered.includes(a));
    if (current ?? old) agreed[kind] = current ?? old;
    if (!current && old) needsDeprecated.push(kind);
    if (!current && !old) noCommon.push(kind);
  }
  const status = noCommon.length ? 'refuses' : needsDeprecated.length ? 'deprecated' : 'accepts';
  return { status, agreed, needsDeprecated, noCommon };
}

/** "documented" for the two algorithms SAP names, "inferred from JSch's defaults" for every other. */
export function basisOf(algorithm: string): 'documented by SAP' | "inferred from JSch's defaults" {
  return SAP_DOCUMENTED_DEPRECATED.includes(algorithm) ? 'documented by SAP' : "inferred from JSch's defaults";
}
