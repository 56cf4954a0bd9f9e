/**
 * The PGP handlers. Files only at paths the user chose in the dialog this session; responses carry
 * no private key or passphrase (the export passphrase goes in once and is not kept).
 */
import { readFileSync } from 'node:fs';
import type { HandlersFor } from '../../shared/ipc/contract';
import type { pgpChannels } from '../../shared/ipc/pgp-channels';
import { lintPgpKey } from '../../shared/pgp/pgp-lint';
import { AppError } from '../../shared/result';
import type { Services } from '../composition';

export function createPgpHandlers(s: Services): HandlersFor<typeof pgpChannels> {
  return {
    'pgp:list': async () => {
      const now = s.now();
      return { keys: (await s.pgp.list()).map((key) => ({ key, findings: lintPgpKey(key, now) })) };
    },
    'pgp:create': (r) => s.pgp.create({ label: r.label, userId: r.userId, ...(r.type ? { type: r.type } : {}), ...(r.expiresDays ? { expiresDays: r.expiresDays } : {}) }),
    'pgp:import': async ({ path, label, passphrase }) => {
      const file = s.userPaths.assertChosen(path);
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch (e) {
        throw new AppError('READ_FAILED', `The file could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, 'path');
      }
      return s.pgp.importKeys({ data: new Uint8Array(data), label, ...(passphrase ? { passphrase } : {}) });
    },
    'pgp:export-public': ({ labels, path, binary }) => s.pgp.exportPublic({ labels, outPath: s.userPaths.assertChosen(path), binary: !!binary }),
    'pgp:export-secret': ({ labels, path, passphrase, binary }) => s.pgp.exportSecret({ labels, outPath: s.userPaths.assertChosen(path), passphrase, binary: !!binary }),
    'pgp:attach': async (r) => {
      const out = await s.pgp.attach(r);
      return { landscape: out.landscape, pathway: out.pathway };
    },
    'pgp:detach': async (r) => s.pgp.detach(r),
  };
}
