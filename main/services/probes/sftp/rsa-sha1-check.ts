/**
 * After an RSA key logged in with rsa-sha2, a second login signs with ssh-rsa (SHA-1), as an SSH
 * client without rsa-sha2 does. OpenSSH ≥ 8.8 refuses that by default while still listing ssh-rsa
 * in server-sig-algs, so only trying it tells. Only the already confirmed host key is accepted.
 */
import { openSshSession, SshFailure } from './ssh-session';
import { fingerprintOf } from './host-key';
import type { SftpProbeOptions } from './sftp-types';

export type RsaSha1Outcome = 'accepted' | 'refused' | 'unknown';

export async function tryRsaSha1(
  opts: SftpProbeOptions,
  confirmedFingerprint: string,
  ctx: { deadlineAt: number; signal: AbortSignal; log: (l: string) => void },
): Promise<RsaSha1Outcome> {
  try {
    const sock = opts.openSocket ? await opts.openSocket() : undefined;
    const { client } = await openSshSession({
      host: opts.host,
      port: opts.port,
      ...(sock ? { sock } : {}),
      deadlineAt: ctx.deadlineAt,
      signal: ctx.signal,
      algorithms: opts.algorithms,
      forceRsaSha1: true,
      log: (l) => ctx.log(`${l} (ssh-rsa signature)`),
      auth: [{ type: 'publickey', username: opts.user ?? '', key: opts.privateKey!, passphrase: opts.passphrase }],
      acceptHostKey: (raw) => fingerprintOf(raw) === confirmedFingerprint,
    });
    client.end();
    return 'accepted';
  } catch (e) {
    return e instanceof SshFailure && e.kind === 'auth' ? 'refused' : 'unknown';
  }
}
