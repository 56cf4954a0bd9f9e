/**
 * Evidence handlers: the report (and its twins beside it), the expiry radar and its calendar, the
 * handover pack as a zip. Paths must come from this session's save dialog.
 */
import { expiryByPathway } from '../../shared/evidence/expiry';
import type { HandlersFor } from '../../shared/ipc/contract';
import type { evidenceChannels } from '../../shared/ipc/evidence-channels';
import type { Services } from '../composition';
import { siblingPath } from '../services/evidence/evidence-service';

export function createEvidenceHandlers(s: Services): HandlersFor<typeof evidenceChannels> {
  const E = () => s.evidence;
  return {
    'evidence:save-report': ({ landscapeId, path, by, note, pdf, signWith }) => {
      const htmlPath = s.userPaths.assertChosen(path);
      return E().writeReport({
        landscape: landscapeId,
        htmlPath,
        ...(by ? { by } : {}),
        ...(note ? { note } : {}),
        ...(pdf ? { pdfPath: siblingPath(htmlPath, '.pdf') } : {}),
        ...(signWith ? { sign: { credential: signWith, sigPath: siblingPath(htmlPath, '.html.p7s') } } : {}),
      });
    },
    'evidence:expiry': async ({ landscapeId }) => {
      const items = await E().expiry(landscapeId);
      return { items, byPathway: expiryByPathway(items) };
    },
    'evidence:save-ics': async ({ landscapeId, path }) => E().writeCalendar(await E().expiry(landscapeId), s.userPaths.assertChosen(path)),
    'evidence:pack-files': ({ landscapeId }) => E().planPack(landscapeId),
    'evidence:save-pack': ({ landscapeId, path, include }) => E().writePackZip({ landscape: landscapeId, zipPath: s.userPaths.assertChosen(path), include }),
  };
}
