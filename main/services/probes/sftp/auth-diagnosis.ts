/**
 * Turns an SSH authentication outcome into what CI's JSch would report (`Auth fail`) and why:
 * a wrong user or password, our public key missing from authorized_keys (with the line to add),
 * the server refusing ssh-rsa (SHA-1) signatures, or a method the server does not offer.
 */
// ssh2 is CommonJS: Node's ESM loader sees only its default export (a named `utils` import
// works in vitest but not in the built CLI/app).
import ssh2 from 'ssh2';

const { utils } = ssh2;
import type { Finding } from '../../../../shared/probe/probe-types';
import { sftpDiagnosis } from '../../../../shared/probe/diagnosis-sftp-smtp';
import type { SshReport } from './ssh-session';
import type { SftpProbeOptions } from './sftp-types';

export interface PublicKeyFacts {
  keyType: string;
  authorizedKeysLine: string;
}

export function readPublicKey(privateKey: string, passphrase?: string): PublicKeyFacts {
  const parsed = utils.parseKey(privateKey, passphrase);
  if (parsed instanceof Error) throw new Error(`the private key cannot be read (${parsed.message})`);
  // A file that declares no key (nkeys 0) makes ssh2 return undefined, or an empty list.
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key) throw new Error('the private key file holds no key');
  return {
    keyType: key.type,
    authorizedKeysLine: `${key.type} ${key.getPublicSSH().toString('base64')} landscape-setup`,
  };
}

function acceptsAnyRsa(report: SshReport): boolean {
  const algs = report.serverSigAlgs;
  return algs === undefined || algs.some((a) => a === 'ssh-rsa' || a.startsWith('rsa-sha2-'));
}

export function diagnoseAuthFailure(opts: SftpProbeOptions, report: SshReport, pub?: PublicKeyFacts): Finding[] {
  const user = opts.user ?? '';
  const wanted = opts.auth === 'dual' ? (['publickey', 'password'] as const) : opts.auth === 'none' ? [] : [opts.auth];
  for (const method of wanted) {
    if (!report.refused.includes(method)) continue;
    const offered = report.offeredAfter[method] ?? [];
    if (offered.length && !offered.includes(method)) return [sftpDiagnosis.authMethodNotOffered(method, offered)];
    if (method === 'publickey') {
      if (pub?.keyType === 'ssh-rsa' && !acceptsAnyRsa(report)) return [sftpDiagnosis.authRsaSha1Refused(true)];
      return [sftpDiagnosis.authKeyNotAuthorized(user, pub?.authorizedKeysLine ?? '(no key)')];
    }
    return [sftpDiagnosis.authWrongPassword(user)];
  }
  // ssh2 skips an RSA key when the server lists no RSA signature algorithm it can use.
  if (pub?.keyType === 'ssh-rsa' && !acceptsAnyRsa(report)) return [sftpDiagnosis.authRsaSha1Refused(true)];
  return [sftpDiagnosis.authMethodNotOffered(opts.auth, report.methodsOffered)];
}
