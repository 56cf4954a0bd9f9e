/**
 * A modelled FTP pathway → the FTP probe (port 990 for Implicit FTPS, 21 otherwise). The runner
 * (and basic-ftp) loads only when an FTP probe runs.
 */
import type { PathwayPlanner } from '../pathway-plan';
import { planCiClientProbe } from '../ci-client-plan';

export const planFtpProbe: PathwayPlanner = (l, p, deps) => {
  const ftp = p.ftp ?? { protection: 'explicit' as const };
  return planCiClientProbe(l, p, deps, {
    kind: 'ftp',
    defaultPort: ftp.protection === 'implicit' ? 990 : 21,
    authenticates: p.auth === 'password',
    run: async (ctx, at) => {
      const { createFtpRunner } = await import('./ftp-runner');
      await createFtpRunner({
        ...at,
        protection: ftp.protection,
        ...(ftp.directory ? { directory: ftp.directory } : {}),
        ...(ftp.writeCheck ? { writeCheck: true } : {}),
        now: deps.now,
      })(ctx);
    },
  });
};
