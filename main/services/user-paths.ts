/**
 * Files are written and read only where the user pointed: a path reaches an export or import
 * handler only if it came out of the native file dialog in this session (or from the CLI's argv,
 * which is the user's own hand). A renderer that makes up a path is refused.
 */
import { isAbsolute } from 'node:path';
import { AppError } from '../../shared/result';

export interface FileDialogOptions {
  title: string;
  defaultName?: string;
  filters?: Array<{ name: string; extensions: string[] }>;
}

export interface FileDialogs {
  chooseSavePath(options: FileDialogOptions): Promise<string | null>;
  chooseOpenPath(options: FileDialogOptions): Promise<string | null>;
}

export interface UserPaths extends FileDialogs {
  /** Throws unless `path` was returned by one of the dialogs above in this session. */
  assertChosen(path: string, field?: string): string;
}

/** The dialogs when no window exists (CLI): there is nobody to ask. */
export const noDialogs: FileDialogs = {
  chooseSavePath: async () => null,
  chooseOpenPath: async () => null,
};

export function createUserPaths(dialogs: FileDialogs): UserPaths {
  const chosen = new Set<string>();
  const remember = (path: string | null) => {
    if (path && isAbsolute(path)) chosen.add(path);
    return path && isAbsolute(path) ? path : null;
  };
  return {
    chooseSavePath: async (options) => remember(await dialogs.chooseSavePath(options)),
    chooseOpenPath: async (options) => remember(await dialogs.chooseOpenPath(options)),
    assertChosen(path, field = 'path') {
      if (!chosen.has(path)) {
        throw new AppError('PATH_NOT_CHOSEN', 'Files are only read or written where you chose in the file dialog; choose the file again.', field);
      }
      return path;
    },
  };
}
