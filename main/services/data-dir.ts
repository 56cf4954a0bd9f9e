/**
 * Where the app keeps its data. Electron passes its userData path; the CLI and the tests pass
 * LANDSCAPE_HOME. Resolved once at the composition root and injected, never read from globals later.
 */
import { join } from 'node:path';

export interface DataDirInput {
  env: Record<string, string | undefined>;
  /** Electron's app.getPath('userData'), when running inside the app. */
  electronUserData?: string;
  platform: string;
  homedir: string;
}

export function resolveDataDir({ env, electronUserData, platform, homedir }: DataDirInput): string {
  if (env.LANDSCAPE_HOME) return env.LANDSCAPE_HOME;
  if (electronUserData) return electronUserData;
  // Same folder Electron would pick for an app named "Landscape Setup", so the CLI and the app share data.
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir, 'AppData', 'Roaming'), 'Landscape Setup');
  if (platform === 'darwin') return join(homedir, 'Library', 'Application Support', 'Landscape Setup');
  return join(env.XDG_CONFIG_HOME ?? join(homedir, '.config'), 'Landscape Setup');
}
