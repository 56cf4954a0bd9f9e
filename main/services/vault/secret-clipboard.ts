/**
 * "Copy" for secrets: main writes the value to the system clipboard and clears it 30 s later —
 * unless the user has copied something else meanwhile (then their clipboard is left alone).
 * The renderer never sees the value.
 */
import { AppError } from '../../../shared/result';

export interface ClipboardEffect {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
}

export type Schedule = (fn: () => void, ms: number) => void;

export const CLIPBOARD_CLEAR_MS = 30_000;

/** setTimeout that does not keep a CLI process alive for 30 s. */
export const defaultSchedule: Schedule = (fn, ms) => {
  setTimeout(fn, ms).unref?.();
};

export interface SecretClipboard {
  copy(value: string): Promise<{ clearAfterSeconds: number }>;
}

export function createSecretClipboard(clipboard: ClipboardEffect | undefined, schedule: Schedule = defaultSchedule, clearAfterMs = CLIPBOARD_CLEAR_MS): SecretClipboard {
  return {
    async copy(value) {
      if (!clipboard) throw new AppError('CLIPBOARD_UNAVAILABLE', 'There is no clipboard here; use reveal instead.');
      await clipboard.writeText(value);
      schedule(() => {
        void (async () => {
          if ((await clipboard.readText()) === value) await clipboard.writeText('');
        })().catch(() => undefined);
      }, clearAfterMs);
      return { clearAfterSeconds: Math.round(clearAfterMs / 1000) };
    },
  };
}
