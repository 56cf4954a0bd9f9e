/**
 * A sender's laptop for the bundle tests: a landscape whose pathways, manual proxy and modelled CI
 * keystore reference credentials of every shape the vault stores — a Basic password with non-ASCII
 * characters, an OAuth2 client, a real RSA-4096 key (large enough to be sealed in a blob) with its
 * public-key fingerprint, an SSH key — plus known_hosts. All material is generated at run time.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Services } from '../../main/composition';
import type { SecretPayload } from '../../shared/vault/credential-kinds';
import { searchKeyring } from '../keychain/keychain-helpers';

export interface Sender {
  landscape: string;
  secrets: Map<string, SecretPayload>;
}

const rand = () => randomBytes(12).toString('base64url');

export async function seedSender(s: Services, name = 'Acme Prod'): Promise<Sender> {
  const l = s.landscapes.create({ templateId: 's4-sscv2', name });
  const rsa = generateKeyPairSync('rsa', { modulusLength: 4096 });
  const spki = rsa.publicKey.export({ type: 'spki', format: 'der' });
  const ssh = generateKeyPairSync('ed25519');
  const secrets = new Map<string, SecretPayload>([
    ['S/4 inbound user', { password: `pä§s-${rand()}-✓` }],
    ['SSC OAuth client', { clientSecret: `cs-${rand()}` }],
    ['SSC client key', { privateKeyPem: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, passphrase: `pp-${rand()}` }],
    ['Proxy login', { password: `px-${rand()}` }],
    ['SFTP key', { privateKey: ssh.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string }],
  ]);
  const basic = await s.vault.create({ kind: 'basic', label: 'S/4 inbound user', meta: { user: 'PI_S4' }, secret: secrets.get('S/4 inbound user') as SecretPayload });
  const oauth = await s.vault.create({ kind: 'oauth2-client', label: 'SSC OAuth client', meta: { clientId: 'sb-ssc', tokenUrl: 'https://auth.example.com/oauth/token' }, secret: secrets.get('SSC OAuth client') as SecretPayload });
  const key = await s.vault.create({
    kind: 'key-pair',
    label: 'SSC client key',
    meta: { keyAlgorithm: 'RSA-4096', fingerprints: { publicKeySha256: createHash('sha256').update(spki).digest('hex') } },
    secret: secrets.get('SSC client key') as SecretPayload,
  });
  const proxy = await s.vault.create({ kind: 'basic', label: 'Proxy login', meta: { user: 'proxy-user' }, secret: secrets.get('Proxy login') as SecretPayload });
  await s.vault.create({ kind: 'ssh-key', label: 'SFTP key', secret: secrets.get('SFTP key') as SecretPayload });
  secrets.delete('SFTP key'); // not referenced by the landscape: must not travel
  const [p1, p2, , p4] = s.landscapes.get(l.id).pathways;
  s.landscapes.updatePathway(l.id, p1!.id, { credentialId: basic.id, credentialName: 'S4_INBOUND' });
  s.landscapes.updatePathway(l.id, p2!.id, { credentialId: key.id, keystoreAlias: 'ssc_client', proxy: { type: 'manual', host: 'proxy.example.com', port: 3128, credentialId: proxy.id } });
  s.landscapes.updatePathway(l.id, p4!.id, { credentialId: oauth.id });
  s.landscapes.update(l.id, {
    ciKeystore: [{ alias: 'ssc_client', kind: 'key-pair', credentialId: key.id }],
    knownHosts: ['sftp.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl'],
  });
  return { landscape: name, secrets };
}

/** Everything a data directory and its keychain namespace hold, to compare before and after. */
export function snapshotStores(s: Services): Record<string, string> {
  const home = s.dataDir;
  const out: Record<string, string> = {};
  for (const f of readdirSync(home).filter((n) => n.endsWith('.json'))) out[f] = readFileSync(join(home, f), 'utf8');
  const vaultDir = join(home, 'vault');
  out['vault/'] = existsSync(vaultDir) ? readdirSync(vaultDir).sort().join(',') : '';
  const vaultId = out['credentials.json'] ? (JSON.parse(out['credentials.json']) as { vaultId?: string }).vaultId : undefined;
  out.keyring = vaultId ? JSON.stringify(searchKeyring().filter((i) => i.account.startsWith(`${vaultId}:`)).sort((a, b) => a.account.localeCompare(b.account))) : '';
  return out;
}
