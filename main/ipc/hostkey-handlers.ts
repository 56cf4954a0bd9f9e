/** SFTP host key handlers: scan a pathway's server, pin after confirmation, list the pins. */
import type { HandlersFor } from '../../shared/ipc/contract';
import type { hostKeyChannels } from '../../shared/ipc/hostkey-channels';
import { AppError } from '../../shared/result';
import type { Services } from '../composition';
import { targetOf } from '../services/probes/sftp/sftp-plan';

export function createHostKeyHandlers(s: Services): HandlersFor<typeof hostKeyChannels> {
  return {
    'hostkeys:scan': async ({ landscapeId, pathwayId }) => {
      const l = s.landscapes.get(landscapeId);
      const p = l.pathways.find((x) => x.id === pathwayId);
      if (!p) throw new AppError('NOT_FOUND', `No pathway ${pathwayId}.`, 'pathwayId');
      if (p.protocol !== 'sftp') throw new AppError('INVALID_INPUT', 'Only SFTP pathways have host keys.', 'pathwayId');
      const t = targetOf(l, p, 22);
      if ('error' in t) throw new AppError('INVALID_TARGET', `The pathway has no usable endpoint (${t.error}).`, 'endpoint');
      let r;
      try {
        r = await s.hostKeys.scan({ host: t.host, port: t.port, landscape: l.id, deadlineMs: p.probe?.deadlineMs });
      } catch (e) {
        throw new AppError('SCAN_FAILED', e instanceof Error ? e.message : 'the host key could not be read', 'endpoint');
      }
      const pinned = s.hostKeys.findPin(l, t.host, t.port, r.hostKey.keyType);
      return {
        host: t.host,
        port: t.port,
        keyType: r.hostKey.keyType,
        fingerprint: r.hostKey.fingerprint,
        knownHostsLine: r.hostKey.knownHostsLine,
        ciStatus: r.ci.status,
        ciVerdict: r.ciVerdict,
        ...(pinned ? { pinned } : {}),
      };
    },
    'hostkeys:pin': ({ landscapeId, ...req }) => s.hostKeys.pin(landscapeId, req),
    'hostkeys:list': ({ landscapeId }) => ({ pins: s.hostKeys.list(landscapeId) }),
  };
}
