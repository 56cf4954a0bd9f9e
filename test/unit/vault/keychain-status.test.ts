import { describe, expect, it } from 'vitest';
import { classifyKeychainError, platformHint } from '../../../main/services/vault/keychain-status';

describe('keychain status from what the OS said', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no-secret-service'],
    ['Could not connect: No such file or directory', 'no-secret-service'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no-secret-service'],
    ['Cannot find module keytar.node', 'not-installed'],
    ['libsecret-1.so.0: cannot open shared object file', 'not-installed'],
    ['Collection is locked', 'locked'],
    ['User canceled the operation.', 'denied'],
    ['something odd', 'unknown'],
  ])('%s → %s', (message, reason) => {
    expect(classifyKeychainError(new Error(message), 'linux')).toMatchObject({ state: 'unavailable', reason, hint: platformHint('linux') });
  });

  it('gives a platform hint for each platform', () => {
    expect(platformHint('linux')).toMatch(/gnome-keyring/);
    expect(platformHint('darwin')).toMatch(/Keychain Access/);
    expect(platformHint('win32')).toMatch(/Credential Manager/);
  });
});
