/**
 * Turns whatever the OS keychain said into a status a consultant can act on. Pure, so every
 * platform's wording is unit-tested here without that platform.
 */
import type { KeychainStatus } from '../../../shared/ipc/app-channels';

export function platformHint(platform: string): string {
  switch (platform) {
    case 'linux':
      return 'Start a Secret Service (gnome-keyring or KWallet) in your desktop session and unlock it; on Debian/Ubuntu: apt install gnome-keyring libsecret-1-0.';
    case 'darwin':
      return 'Unlock the login keychain in Keychain Access and allow Landscape Setup to use it.';
    case 'win32':
      return 'Windows Credential Manager must be reachable for your user; check that you are not in a restricted session.';
    default:
      return 'No supported OS keychain was found on this platform.';
  }
}

export function classifyKeychainError(error: unknown, platform: string): KeychainStatus {
  const detail = error instanceof Error ? error.message : String(error);
  const hint = platformHint(platform);
  const text = detail.toLowerCase();
  if (/libsecret|cannot find module|cannot open shared object|module did not self-register/.test(text)) {
    return { state: 'unavailable', reason: 'not-installed', detail, hint };
  }
  if (/locked|unlock/.test(text)) return { state: 'unavailable', reason: 'locked', detail, hint };
  if (/denied|not allowed|cancel|user interaction/.test(text)) {
    return { state: 'unavailable', reason: 'denied', detail, hint };
  }
  // 'Could not connect: No such file or directory' is libsecret failing to reach the session bus.
  if (/d-bus|dbus|org\.freedesktop\.secrets|secret service|x11|display|could not connect|connection refused/.test(text)) {
    return { state: 'unavailable', reason: 'no-secret-service', detail, hint };
  }
  return { state: 'unavailable', reason: 'unknown', detail, hint };
}
