import { stringFlag, type CommandDef } from '../command';
import { createFtpRunner } from '../../services/probes/ftp/ftp-runner';
import type { FtpProtection } from '../../services/probes/ftp/ftp-types';
import { COMMON_FLAGS, COMMON_USAGE, ciTrust, oneOf, runCiClientProbe, targetOf, userPassword } from './ci-client-cli';

const PROTECTIONS: FtpProtection[] = ['explicit', 'implicit', 'off'];

export const ftpCommand: CommandDef = {
  name: 'ftp',
  uses: ['routes'],
  summary: 'FTP / FTPS probe as CI’s FTP adapter meets the server: AUTH TLS or implicit TLS and chain, login, directory, passive listing, optional write check',
  usage: `landscape ftp HOST:PORT --protection explicit|implicit|off [--user U --password-env VAR] [--dir D] [--write-check] [--ca FILE] ${COMMON_USAGE}`,
  valueFlags: ['protection', 'dir', ...COMMON_FLAGS],
  async run(args, ctx) {
    const protection = oneOf(args, 'protection', PROTECTIONS);
    const at = targetOf(args, protection === 'implicit' ? 990 : 21);
    const trust = ciTrust(args);
    const cred = await userPassword(args, ctx, false);
    const directory = stringFlag(args, 'dir');
    const writeCheck = args.flags['write-check'] === true;
    return runCiClientProbe(args, ctx, {
      kind: 'ftp',
      at,
      title: `FTP ${at.host}:${at.port} (${protection})`,
      runner: (route) => createFtpRunner({ ...at, protection, route, trust, ...cred, ...(directory ? { directory } : {}), writeCheck, now: ctx.services.now }),
    });
  },
};
