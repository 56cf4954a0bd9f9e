/**
 * Every channel's handler, built over the services. Each domain contributes its own factory; this
 * file only joins them (one import and one spread per domain).
 */
import type { Handlers, HandlersFor } from '../../shared/ipc/contract';
import type { appChannels } from '../../shared/ipc/app-channels';
import { openExternalUrl } from '../../shared/security/external-url';
import type { Services } from '../composition';
import { createCredentialHandlers } from './credential-handlers';
import { createMaterialHandlers } from './material-handlers';
import { createProbeHandlers } from './probe-handlers';
import { createLandscapeHandlers } from './landscape-handlers';
import { createHostKeyHandlers } from './hostkey-handlers';
import { createPgpHandlers } from './pgp-handlers';
import { createBundleHandlers } from './bundle-handlers';
import { createIflowHandlers } from './iflow-handlers';
import { createEvidenceHandlers } from './evidence-handlers';
import { createTrustHandlers } from './trust-handlers';

function createAppHandlers(s: Services): HandlersFor<typeof appChannels> {
  return {
    'app:info': () => s.appInfo.info(),
    'app:open-external': async ({ url }) => ({ opened: await openExternalUrl(url, s.openExternal) }),
    'app:choose-save-path': async (options) => ({ path: await s.userPaths.chooseSavePath(options) }),
    'app:choose-open-path': async (options) => ({ path: await s.userPaths.chooseOpenPath(options) }),
  };
}

export function createHandlers(s: Services): Partial<Handlers> {
  return {
    ...createAppHandlers(s),
    ...createCredentialHandlers(s),
    ...createMaterialHandlers(s),
    ...createProbeHandlers(s),
    ...createLandscapeHandlers(s),
    ...createIflowHandlers(s),
    ...createHostKeyHandlers(s),
    ...createPgpHandlers(s),
    ...createBundleHandlers(s),
    ...createEvidenceHandlers(s),
    ...createTrustHandlers(s),
  };
}
