/**
 * CI's "Check Directory Access": the directory exists under the user's home and, only when asked,
 * is writable — proven by creating a uniquely named temporary file and removing it again.
 */
import { randomBytes } from 'node:crypto';
import type { Client, SFTPWrapper } from 'ssh2';

export type DirectoryOutcome = 'ok' | 'missing' | 'not-a-directory' | 'not-writable';

function openSftp(client: Client): Promise<SFTPWrapper> {
  return new Promise((resolve, reject) => client.sftp((e, s) => (e ? reject(e) : resolve(s))));
}

function statDir(sftp: SFTPWrapper, dir: string): Promise<'dir' | 'other' | 'missing'> {
  return new Promise((resolve) =>
    sftp.stat(dir, (e, st) => resolve(e ? 'missing' : st.isDirectory() ? 'dir' : 'other')),
  );
}

function writeTemp(sftp: SFTPWrapper, path: string): Promise<boolean> {
  return new Promise((resolve) =>
    sftp.open(path, 'wx', (e, handle) => {
      if (e) return resolve(false);
      sftp.close(handle, () => sftp.unlink(path, (ue) => resolve(!ue)));
    }),
  );
}

export async function checkDirectory(
  client: Client,
  dir: string,
  writeCheck: boolean,
  log: (line: string) => void,
): Promise<DirectoryOutcome> {
  const sftp = await openSftp(client);
  try {
    const kind = await statDir(sftp, dir);
    log(`sftp: stat ${dir} → ${kind}`);
    if (kind === 'missing') return 'missing';
    if (kind === 'other') return 'not-a-directory';
    if (!writeCheck) return 'ok';
    const temp = `${dir.replace(/\/+$/, '')}/.landscape-probe-${randomBytes(6).toString('hex')}.tmp`;
    const written = await writeTemp(sftp, temp);
    log(`sftp: create and remove ${temp} → ${written ? 'ok' : 'refused'}`);
    return written ? 'ok' : 'not-writable';
  } finally {
    sftp.end();
  }
}
