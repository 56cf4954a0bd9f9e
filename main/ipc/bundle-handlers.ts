/**
 * Bundle handlers: thin over services.bundles. Files only at paths chosen in this session's
 * dialogs; an applied bundle announces each landscape it created, replaced or removed.
 */
import type { HandlersFor } from '../../shared/ipc/contract';
import type { bundleChannels } from '../../shared/ipc/bundle-channels';
import type { Services } from '../composition';

export function createBundleHandlers(s: Services): HandlersFor<typeof bundleChannels> {
  const B = s.bundles;
  return {
    'bundles:identity': () => B.identity(),
    'bundles:export': ({ landscapeIds, path, key }) => B.exportBundle(landscapeIds, s.userPaths.assertChosen(path), key),
    'bundles:reveal-passphrase': ({ passphraseToken }) => B.revealPassphrase(passphraseToken),
    'bundles:copy-passphrase': ({ passphraseToken }) => B.copyPassphrase(passphraseToken),
    'bundles:open': ({ path, passphrase }) => B.open(s.userPaths.assertChosen(path), passphrase),
    'bundles:apply': async ({ token, choices }, ctx) => {
      const r = await B.apply(token, choices);
      for (const l of r.landscapes) {
        if (l.replacedId) ctx.emit('landscapes:changed', { landscapeId: l.replacedId, change: 'removed' });
        if (l.id) ctx.emit('landscapes:changed', { landscapeId: l.id, change: 'created' });
      }
      return r;
    },
    'bundles:discard': ({ token }) => B.discard(token),
  };
}
