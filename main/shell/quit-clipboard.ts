/**
 * Quitting clears a secret the app copied: the 30 s clear (services/vault/secret-clipboard.ts) is a
 * timer that dies with the process. Kept in the shell, free of service imports, because the shell
 * registers it before its first window (test/unit/shell/start-up-bundles.test.ts).
 */
import type { ClipboardEffect } from '../services/vault/secret-clipboard';

/** Electron's clipboard: synchronous, so it can still be used inside 'will-quit'. */
export interface SyncClipboard {
  writeText(text: string): void;
  readText(): string;
}

/**
 * The shell's clipboard for secret copies, remembering the last value written: the 30 s clear is a
 * timer that dies with the process, so quitting within those 30 s would leave the secret on the
 * system clipboard. `clearOnQuit` clears it then — unless the user has copied something else since.
 */
export function clipboardClearedOnQuit(system: SyncClipboard): { effect: ClipboardEffect; clearOnQuit(): void } {
  let last = '';
  return {
    effect: {
      writeText: (text) => {
        last = text;
        system.writeText(text);
      },
      readText: () => system.readText(),
    },
    clearOnQuit: () => {
      if (last !== '' && system.readText() === last) system.writeText('');
      last = '';
    },
  };
}
