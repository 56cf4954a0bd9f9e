import { z } from 'zod';
import { channel } from './define';

export type KeychainStatus =
  | { state: 'available'; backend: string }
  | { state: 'unavailable'; reason: 'no-secret-service' | 'locked' | 'denied' | 'not-installed' | 'unknown'; detail: string; hint: string };

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  dataDir: string;
  keychain: KeychainStatus;
}

export const appChannels = {
  'app:info': channel<AppInfo>()('appInfo', z.undefined()),
  'app:open-external': channel<{ opened: boolean }>()('openExternal', z.object({ url: z.string().max(2048) })),
} as const;
