/** Writes an export where the caller said, never into the app's own data directory. */
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '../../../shared/result';

export function writeExport(dataDir: string, outPath: string, data: string | Buffer, secret: boolean): string {
  if (!isAbsolute(outPath)) throw new AppError('PATH_INVALID', 'The export path must be absolute.', 'outPath');
  const rel = relative(resolve(dataDir), resolve(outPath));
  if (!rel.startsWith('..') && !isAbsolute(rel)) {
    throw new AppError('PATH_INVALID', "Exports are not written into the app's data directory; choose another folder.", 'outPath');
  }
  try {
    writeFileSync(outPath, data, { mode: secret ? 0o600 : 0o644 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new AppError('WRITE_FAILED', `The file could not be written (${code}).`, 'outPath');
  }
  return outPath;
}
