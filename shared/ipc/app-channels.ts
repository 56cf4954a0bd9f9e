import * as z from 'zod';
import { channel } from './define';

export type KeychainStatus =
  | { state: 'available'; backend: string }
  | { state: 'unavailable'; reason: 'no-secret-service' | 'locked' | 'denied' | 'not-installed' | 'unknown'; detail: string; hint: string };

/** A data file that could not be loaded and was renamed aside (never silently reset). */
export interface KeptAsideFile {
  document: string;
  keptAs: string;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  dataDir: string;
  keychain: KeychainStatus;
  keptAside: KeptAsideFile[];
}

const fileDialogRequest = z.object({
  title: z.string().min(1).max(200),
  defaultName: z.string().max(255).optional(),
  filters: z.array(z.object({ name: z.string().max(100), extensions: z.array(z.string().max(20)).max(20) })).max(10).optional(),
});

export const appChannels = {
  'app:info': channel<AppInfo>()('appInfo', z.undefined()),
  'app:open-external': channel<{ opened: boolean }>()('openExternal', z.object({ url: z.string().max(2048) })),
  /** Native save dialog; the returned path is the only kind an export handler accepts. null = cancelled. */
  'app:choose-save-path': channel<{ path: string | null }>()('chooseSavePath', fileDialogRequest),
  'app:choose-open-path': channel<{ path: string | null }>()('chooseOpenPath', fileDialogRequest),
} as const;
