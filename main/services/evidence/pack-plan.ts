/**
 * What goes into a landscape's handover pack, file by file, named for the place it goes: the CI
 * keystore's .p12 and trusted CA .cer, the peer's leaf PEM and root CA, the BTP service instance
 * and service key JSON parameters, known_hosts and authorized_keys lines. Secret files (a .p12
 * holds a private key) are planned but written only when ticked.
 */
import type { Landscape, Pathway } from '../../../shared/landscape';
import { deriveDirection } from '../../../shared/landscape/protocols';
import { nameOf } from '../../../shared/landscape/pathway-view';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { readCertificates } from '../material/cert-read';

export type PackContent =
  | { type: 'p12'; credentialId: string; alias: string }
  | { type: 'text'; text: string }
  | { type: 'cert'; pem: string }
  /** Armored keyrings of PGP keys by fingerprint (pack-plan-pgp.ts); a secret one under the pack's passphrase. */
  | { type: 'pgp-public'; fingerprints: string[] }
  | { type: 'pgp-secret'; fingerprints: string[] };

export interface PlannedFile {
  /** Relative, forward slashes: `<place folder>/<file>`. */
  path: string;
  /** Where it goes, in words. */
  place: string;
  purpose: string;
  /** Holds a private key (even encrypted): written only when ticked. */
  confidential: boolean;
  pathways: number[];
  content: PackContent;
}

/** A folder name from a place or system name: lower case, dashes, nothing a file system refuses. */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'system';
}

const KEYSTORE = 'cloud-integration-keystore';
const BTP = 'btp-cockpit';
const KNOWN_HOSTS = 'cloud-integration-known-hosts';

export function planPack(l: Landscape, credentials: CredentialMeta[]): PlannedFile[] {
  const files = new Map<string, PlannedFile>();
  const add = (f: PlannedFile) => {
    const existing = files.get(f.path);
    if (existing) existing.pathways = [...new Set([...existing.pathways, ...f.pathways])].sort((a, b) => a - b);
    else files.set(f.path, f);
  };
  // Outbound client certificates are linked through the modelled keystore entry (alias) as well.
  const credential = (p: Pathway) => {
    const id = p.credentialId ?? l.ciKeystore.find((k) => k.alias === p.keystoreAlias && k.credentialId)?.credentialId;
    return credentials.find((c) => c.id === id);
  };
  for (const p of [...l.pathways].sort((a, b) => a.number - b.number)) {
    const direction = deriveDirection(p);
    const peerId = direction === 'inbound' ? p.from : p.to;
    const peer = nameOf(l, peerId);
    const peerDir = slug(peer);
    const c = credential(p);
    const n = [p.number];
    if (p.auth === 'client-certificate' && c?.kind === 'client-certificate' && c.certificateChainPem?.length) {
      const [leaf, ...rest] = c.certificateChainPem;
      const root = rest.at(-1);
      const alias = p.keystoreAlias || slug(c.label);
      if (direction === 'outbound') {
        add({ path: `${KEYSTORE}/${slug(alias)}.p12`, place: 'Cloud Integration → Monitor → Manage Security → Keystore → Add → Key Pair', purpose: `Key pair "${alias}" with its chain (pathway ${p.number}); its password is in the vault, never in the pack`, confidential: true, pathways: n, content: { type: 'p12', credentialId: c.id, alias } });
        add({ path: `${peerDir}/${slug(alias)}-client-certificate.pem`, place: peer, purpose: `Cloud Integration's client certificate: map or trust it on ${peer}`, confidential: false, pathways: n, content: { type: 'cert', pem: leaf! } });
        if (root) {
          const kind = isSelfSigned(root) ? 'root-ca' : 'issuing-ca';
          add({ path: `${peerDir}/${slug(alias)}-${kind}.cer`, place: peer, purpose: `The ${kind === 'root-ca' ? 'root' : 'issuing'} CA of Cloud Integration's client certificate: add it to ${peer}'s trust list`, confidential: false, pathways: n, content: { type: 'cert', pem: root } });
        }
      } else {
        const key = `pathway-${p.number}-${peerDir}`;
        add({ path: `${BTP}/${key}-service-instance.json`, place: 'BTP cockpit → Instances and Subscriptions → Create (Process Integration Runtime, plan integration-flow)', purpose: 'Instance parameters (JSON tab)', confidential: false, pathways: n, content: { type: 'text', text: json({ 'grant-types': ['client_credentials'], 'redirect-uris': [], roles: ['ESBMessaging.send'] }) } });
        // A certificate that came from a service key already has its key in BTP; otherwise the key is to be created.
        if (!c.clientId) add({ path: `${BTP}/${key}-service-key.json`, place: 'BTP cockpit → the instance → Create Service Key (External Certificate)', purpose: `Service key parameters with ${peer}'s certificate`, confidential: false, pathways: n, content: { type: 'text', text: json({ 'key-type': 'certificate_external', 'X.509': leaf!.trim() }) } });
        add({ path: `${peerDir}/pathway-${p.number}-client.p12`, place: peer, purpose: `${peer}'s key and certificate for calling Cloud Integration; its password is in the vault, never in the pack`, confidential: true, pathways: n, content: { type: 'p12', credentialId: c.id, alias: slug(c.label) } });
        add({ path: `${peerDir}/pathway-${p.number}-client-certificate.pem`, place: peer, purpose: 'The leaf certificate (what the service key holds)', confidential: false, pathways: n, content: { type: 'cert', pem: leaf! } });
      }
    }
    if (direction === 'inbound' && (p.auth === 'basic' || p.auth === 'oauth2-client-credentials')) {
      const key = `pathway-${p.number}-${peerDir}`;
      add({ path: `${BTP}/${key}-service-instance.json`, place: 'BTP cockpit → Instances and Subscriptions → Create (Process Integration Runtime, plan integration-flow)', purpose: 'Instance parameters (JSON tab)', confidential: false, pathways: n, content: { type: 'text', text: json({ 'grant-types': ['client_credentials'], 'redirect-uris': [], roles: ['ESBMessaging.send'] }) } });
      add({ path: `${BTP}/${key}-service-key.json`, place: 'BTP cockpit → the instance → Create Service Key (ClientId/Secret)', purpose: 'Service key parameters: none (a client id and secret are generated)', confidential: false, pathways: n, content: { type: 'text', text: json({}) } });
    }
    if (p.protocol === 'sftp' && (p.auth === 'public-key' || p.auth === 'dual') && c?.kind === 'ssh-key' && c.publicKey) {
      add({ path: `${peerDir}/authorized_keys`, place: `${peer}: ~${p.sftp?.user ?? 'user'}/.ssh/authorized_keys`, purpose: "Cloud Integration's SSH public key", confidential: false, pathways: n, content: { type: 'text', text: `${c.publicKey.trim()}\n` } });
    }
  }
  if (l.knownHosts.length) {
    const sftp = l.pathways.filter((p) => p.protocol === 'sftp').map((p) => p.number);
    add({ path: `${KNOWN_HOSTS}/known_hosts`, place: 'Cloud Integration → Monitor → Manage Security → Security Material → Upload → Known Hosts (SSH)', purpose: 'The SFTP servers\' host keys', confidential: false, pathways: sftp, content: { type: 'text', text: l.knownHosts.join('\n') + '\n' } });
  }
  const outbound = l.pathways.filter((p) => deriveDirection(p) === 'outbound' && p.protocol !== 'sftp').map((p) => p.number);
  for (const ca of l.caCertificates) {
    add({ path: `${KEYSTORE}/${slug(ca.label)}.cer`, place: 'Cloud Integration → Monitor → Manage Security → Keystore → Add → Certificate', purpose: `Trusted CA "${ca.label}" for the receivers' server certificates`, confidential: false, pathways: outbound, content: { type: 'cert', pem: ca.pem } });
  }
  return [...files.values()];
}

function isSelfSigned(pem: string): boolean {
  try {
    return readCertificates(pem)[0]!.facts.selfSigned;
  } catch {
    return false;
  }
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
