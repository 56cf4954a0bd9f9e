/**
 * Tenant and trust handlers: thin over services.trust and services.landscapes. A certificate comes
 * from a file chosen in the dialog (read here, at most 1 MB) or as PEM text; exactly one of them.
 * Every change announces 'landscapes:changed', so the diagram's findings follow at once.
 */
import { readFile, stat } from 'node:fs/promises';
import type { HandlerContext, HandlersFor } from '../../shared/ipc/contract';
import type { trustChannels } from '../../shared/ipc/trust-channels';
import { parseRuntimeHost, parseTokenUrl } from '../../shared/landscape/tenant-input';
import { AppError } from '../../shared/result';
import type { Services } from '../composition';

const MAX_CERTIFICATE_FILE = 1024 * 1024;

export function createTrustHandlers(s: Services): HandlersFor<typeof trustChannels> {
  async function material(input: { path?: string | undefined; pem?: string | undefined }): Promise<string | Uint8Array> {
    if (input.pem !== undefined && input.path === undefined) return input.pem;
    if (input.path === undefined || input.pem !== undefined) throw new AppError('INVALID_INPUT', 'Choose a certificate file (or give one certificate), not both or neither.', 'path');
    const path = s.userPaths.assertChosen(input.path);
    const size = (await stat(path)).size;
    if (size > MAX_CERTIFICATE_FILE) throw new AppError('INVALID_INPUT', 'The file is larger than 1 MB: a certificate file is a few KB; choose the CA certificate itself.', 'path');
    return new Uint8Array(await readFile(path));
  }
  const announce = <T>(ctx: HandlerContext, landscapeId: string, value: T): T => {
    ctx.emit('landscapes:changed', { landscapeId, change: 'updated' });
    return value;
  };
  return {
    'tenant:update': ({ landscapeId, name, runtimeHost, tokenUrl }, ctx) => {
      const host = runtimeHost === undefined ? undefined : parseRuntimeHost(runtimeHost);
      if (host && !host.ok) throw new AppError('INVALID_INPUT', host.message, 'runtimeHost');
      const token = tokenUrl === undefined ? undefined : parseTokenUrl(tokenUrl);
      if (token && !token.ok) throw new AppError('INVALID_INPUT', token.message, 'tokenUrl');
      const l = s.landscapes.modify(landscapeId, (x) => ({
        ...x,
        tenant: {
          ...x.tenant,
          ...(name !== undefined ? { name: name.trim() || 'Cloud Integration' } : {}),
          ...(host?.ok ? { runtimeHost: host.value } : {}),
          ...(token?.ok ? { tokenUrl: token.value } : {}),
        },
      }));
      return announce(ctx, l.id, s.landscapes.show(l.id));
    },
    'trust:view': ({ landscapeId }) => s.trust.view(landscapeId),
    'trust:add-ca': async (r, ctx) => announce(ctx, r.landscapeId, await s.trust.addCas(r.landscapeId, await material(r), r.label)),
    'trust:remove-ca': async (r, ctx) => announce(ctx, r.landscapeId, await s.trust.removeCa(r.landscapeId, r.fingerprintSha256)),
    'trust:add-keystore-certificate': async (r, ctx) => announce(ctx, r.landscapeId, await s.trust.addKeystoreCertificate(r.landscapeId, await material(r), r.alias)),
    'trust:set-keystore-key-pair': async (r, ctx) => announce(ctx, r.landscapeId, await s.trust.setKeystoreKeyPair(r.landscapeId, r.alias, r.credentialId)),
    'trust:remove-keystore-entry': async (r, ctx) => announce(ctx, r.landscapeId, await s.trust.removeKeystoreEntry(r.landscapeId, r.alias)),
  };
}
