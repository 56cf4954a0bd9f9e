/**
 * The security material a landscape names, grouped by name: every Credential Name, Private Key
 * Alias and known-hosts entry Cloud Integration needs in Monitor → Manage Security, what each one
 * must hold, which pathways use it, and whether it is prepared in the vault (matched by label) or
 * still missing. One name used for two kinds of material is flagged: the adapter finds the first
 * artifact by name, so one of the pathways would fail at run time.
 */
import { entryMatchesHost } from '../ssh/known-hosts-check';
import { parseKnownHostsLine } from '../ssh/known-hosts';
import type { Landscape, Pathway } from './landscape-schema';
import { ciIsClient, deriveDirection } from './protocols';

export type MaterialKind = 'user-credentials' | 'oauth2-credentials' | 'key-pair' | 'ssh-key-pair' | 'known-host';

export interface VaultEntryRef {
  id: string;
  label: string;
  kind: string;
}

export interface MaterialNeed {
  name: string;
  kind: MaterialKind;
  /** What must be created under this name, in the words of the CI Monitor. */
  needs: string;
  pathways: number[];
  status: 'prepared' | 'missing' | 'conflict';
  detail: string;
}

const NEEDS: Record<MaterialKind, string> = {
  'user-credentials': 'Security Material → User Credentials: the user and password the adapter logs on with',
  'oauth2-credentials': 'Security Material → OAuth2 Client Credentials: token URL, client ID and client secret',
  'key-pair': 'Keystore → Key Pair under this alias: the private key and its signed client certificate chain',
  'ssh-key-pair': "Keystore → Key Pair (SSH) under this alias: the private key; its public key goes into the server's authorized_keys",
  'known-host': "Security Material → Known Hosts (SSH): the server's host key line",
};

const VAULT_KINDS: Record<MaterialKind, string[]> = {
  'user-credentials': ['basic'],
  'oauth2-credentials': ['oauth2-client', 'service-key'],
  'key-pair': ['client-certificate', 'key-pair'],
  'ssh-key-pair': ['ssh-key'],
  'known-host': [],
};

const KIND_WORDS: Record<MaterialKind, string> = {
  'user-credentials': 'User Credentials',
  'oauth2-credentials': 'OAuth2 Client Credentials',
  'key-pair': 'a key pair',
  'ssh-key-pair': 'an SSH key pair',
  'known-host': 'a known host',
};

function needsOf(p: Pathway): { name: string; kind: MaterialKind }[] {
  const direction = deriveDirection(p);
  if (!direction || !ciIsClient(p.protocol, direction)) return [];
  const out: { name: string; kind: MaterialKind }[] = [];
  if (p.credentialName && ['basic', 'password', 'dual', 'plain', 'encrypted'].includes(p.auth)) out.push({ name: p.credentialName, kind: 'user-credentials' });
  if (p.credentialName && p.auth === 'oauth2-client-credentials') out.push({ name: p.credentialName, kind: 'oauth2-credentials' });
  if (p.keystoreAlias && ['public-key', 'dual'].includes(p.auth)) out.push({ name: p.keystoreAlias, kind: 'ssh-key-pair' });
  else if (p.keystoreAlias && p.auth === 'client-certificate') out.push({ name: p.keystoreAlias, kind: 'key-pair' });
  if (p.protocol === 'sftp') {
    const m = /^(?:sftp:\/\/)?([^/:]+)(?::(\d+))?/i.exec(p.endpoint.trim());
    const host = p.proxy.type === 'on-premise' && p.proxy.virtualHost ? p.proxy.virtualHost : m?.[1];
    if (host) out.push({ name: m?.[2] && m[2] !== '22' ? `[${host}]:${m[2]}` : host, kind: 'known-host' });
  }
  return out;
}

function knownHostPrepared(l: Pick<Landscape, 'knownHosts'>, name: string): boolean {
  const m = /^\[(.+)\]:(\d+)$/.exec(name);
  const host = m ? m[1]! : name;
  const port = m ? Number(m[2]) : 22;
  return l.knownHosts.some((line) => {
    const e = parseKnownHostsLine(line);
    return !('reason' in e) && entryMatchesHost(e, host, port);
  });
}

export function materialNeeds(l: Pick<Landscape, 'pathways' | 'knownHosts'>, vault: VaultEntryRef[]): MaterialNeed[] {
  const byName = new Map<string, { kinds: Map<MaterialKind, number[]>; linked: Set<string> }>();
  for (const p of [...l.pathways].sort((a, b) => a.number - b.number)) {
    for (const n of needsOf(p)) {
      const entry = byName.get(n.name) ?? { kinds: new Map(), linked: new Set() };
      entry.kinds.set(n.kind, [...(entry.kinds.get(n.kind) ?? []), p.number]);
      if (p.credentialId && n.kind !== 'known-host') entry.linked.add(p.credentialId);
      byName.set(n.name, entry);
    }
  }
  const out: MaterialNeed[] = [];
  for (const [name, { kinds, linked }] of byName) {
    const clash = kinds.size > 1 ? [...kinds.keys()].map((k) => KIND_WORDS[k]).join(' and ') : '';
    for (const [kind, pathways] of kinds) {
      const base = { name, kind, needs: NEEDS[kind], pathways };
      if (clash) {
        out.push({ ...base, status: 'conflict', detail: `"${name}" is used as ${clash}: give each its own name, or one of these pathways will fail.` });
        continue;
      }
      if (kind === 'known-host') {
        const ok = knownHostPrepared(l, name);
        out.push({ ...base, status: ok ? 'prepared' : 'missing', detail: ok ? 'The modelled known_hosts has this host.' : "Open the SFTP pathway in the diagram → Read host key, compare its fingerprint with the server's owner, pin it, then Add to Cloud Integration's known_hosts (CLI: landscape ssh-scan HOST:PORT, then landscape known-hosts add)." });
        continue;
      }
      const sameLabel = vault.filter((v) => v.label === name || linked.has(v.id));
      const fitting = sameLabel.find((v) => VAULT_KINDS[kind].includes(v.kind));
      if (fitting) out.push({ ...base, status: 'prepared', detail: `Prepared in the vault as "${fitting.label}".` });
      else if (sameLabel.length) out.push({ ...base, status: 'conflict', detail: `The vault holds "${name}" as ${sameLabel[0]!.kind}, but the iFlow needs ${KIND_WORDS[kind]}.` });
      else out.push({ ...base, status: 'missing', detail: `Not in the vault yet: prepare ${KIND_WORDS[kind]} labelled "${name}" on the ${kind === 'key-pair' || kind === 'ssh-key-pair' ? 'Certificates' : 'Credentials'} page.` });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.kind.localeCompare(b.kind));
}

/**
 * Links each pathway that names a Credential Name or Private Key Alias, and has no vault entry yet,
 * to the vault entry with that label and a fitting kind (the probes then use it).
 */
export function linkVaultCredentials<L extends Pick<Landscape, 'pathways' | 'knownHosts'>>(l: L, vault: VaultEntryRef[]): L {
  const pathways = l.pathways.map((p) => {
    if (p.credentialId) return p;
    const need = needsOf(p).find((n) => n.kind !== 'known-host');
    const match = need && vault.find((v) => v.label === need.name && VAULT_KINDS[need.kind].includes(v.kind));
    return match ? { ...p, credentialId: match.id } : p;
  });
  return { ...l, pathways };
}
