/**
 * The vault's IPC handlers. Every response is metadata (CredentialMeta and friends), except
 * `credentials:reveal`, which answers the user's explicit Reveal. Copy goes to the clipboard from
 * main; a generated password is taken from main's draft store and never sent.
 */
import { readFileSync } from 'node:fs';
import type { HandlersFor } from '../../shared/ipc/contract';
import type { credentialChannels } from '../../shared/ipc/credential-channels';
import { AppError } from '../../shared/result';
import { REQUIRED_SECRET_FIELD } from '../../shared/vault/credential-kinds';
import type { Services } from '../composition';
import { collectCredentialUsage } from '../services/vault/credential-usage';

export function createCredentialHandlers(s: Services): HandlersFor<typeof credentialChannels> {
  const secretOf = (typed: string | undefined, generatedId: string | undefined) =>
    typed ?? s.credentialTools.takeGenerated(generatedId as string);

  return {
    'credentials:list': async () => ({
      credentials: await s.vault.list(),
      keychain: await s.secrets.status(),
      usage: collectCredentialUsage(s.landscapes),
    }),
    'credentials:get': ({ id }) => s.vault.get(id),
    'credentials:create-basic': ({ label, user, password, generatedId }) =>
      s.vault.create({ kind: 'basic', label, meta: { user }, secret: { password: secretOf(password, generatedId) } }),
    'credentials:create-oauth-client': ({ label, clientId, tokenUrl, url, clientSecret }) =>
      s.vault.create({ kind: 'oauth2-client', label, meta: { clientId, tokenUrl, ...(url ? { url } : {}) }, secret: { clientSecret } }),
    'credentials:create-keystore-passphrase': ({ label, passphrase, generatedId }) =>
      s.vault.create({ kind: 'pkcs12-passphrase', label, secret: { passphrase: secretOf(passphrase, generatedId) } }),
    'credentials:update': async ({ id, label, newSecret, generatedId, ...meta }) => {
      const current = await s.vault.get(id);
      let secret: Record<string, string> | undefined;
      if (newSecret || generatedId) {
        const field = REQUIRED_SECRET_FIELD[current.kind];
        if (!field) throw new AppError('INVALID_INPUT', 'This kind of credential cannot take a new secret here.', 'newSecret');
        // Keep the other fields (e.g. a key's passphrase) and replace the main one.
        secret = { ...(await s.vault.readSecret(id)), [field]: secretOf(newSecret, generatedId) };
      }
      return s.vault.update(id, { label, meta, secret });
    },
    'credentials:remove': async ({ id }) => {
      await s.vault.remove(id);
      return { removed: id };
    },
    'credentials:reveal': async ({ id }) => {
      const meta = await s.vault.get(id);
      const revealed = await s.vault.readSecret(id);
      s.log.info('vault', 'secret revealed on request', { id });
      return { id, label: meta.label, kind: meta.kind, revealed };
    },
    'credentials:copy': ({ id, field }) => s.credentialTools.copy(id, field),
    'credentials:generate-password': (options) => s.credentialTools.generatePassword(options ?? {}),
    'credentials:import-service-key': (request) => {
      const text = 'text' in request ? request.text : readChosenFile(s, request.path);
      return s.credentialTools.importServiceKey(text, request.label);
    },
    'credentials:orphans': async () => ({ orphans: await s.vault.orphans() }),
    'credentials:repair': ({ orphans }) => s.vault.repair(orphans),
  };
}

function readChosenFile(s: Services, path: string): string {
  const file = s.userPaths.assertChosen(path);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new AppError('FILE_UNREADABLE', 'The chosen file cannot be read.', 'path');
  }
}
