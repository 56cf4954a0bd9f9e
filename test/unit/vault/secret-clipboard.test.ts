import { describe, expect, it } from 'vitest';
import { CLIPBOARD_CLEAR_MS, createSecretClipboard, type ClipboardEffect } from '../../../main/services/vault/secret-clipboard';
import { clipboardClearedOnQuit } from '../../../main/shell/quit-clipboard';

function recorder() {
  let text = 'before';
  const writes: string[] = [];
  const clipboard: ClipboardEffect = {
    writeText: (t) => {
      writes.push(t);
      text = t;
    },
    readText: () => text,
  };
  const timers: Array<{ fn: () => void; ms: number }> = [];
  return { clipboard, writes, timers, schedule: (fn: () => void, ms: number) => void timers.push({ fn, ms }), set: (t: string) => (text = t) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('copying a secret to the clipboard from main', () => {
  it('writes the value and clears it after 30 s', async () => {
    const r = recorder();
    const result = await createSecretClipboard(r.clipboard, r.schedule).copy('s3cret-value');
    expect(result).toEqual({ clearAfterSeconds: 30 });
    expect(r.writes).toEqual(['s3cret-value']);
    expect(r.timers.map((t) => t.ms)).toEqual([CLIPBOARD_CLEAR_MS]);
    r.timers[0]!.fn();
    await flush();
    expect(r.writes).toEqual(['s3cret-value', '']);
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const r = recorder();
    await createSecretClipboard(r.clipboard, r.schedule).copy('s3cret-value');
    r.set('something the user copied');
    r.timers[0]!.fn();
    await flush();
    expect(r.writes).toEqual(['s3cret-value']);
  });

  it('fails clearly where there is no clipboard (CLI)', async () => {
    await expect(createSecretClipboard(undefined).copy('x')).rejects.toMatchObject({ code: 'CLIPBOARD_UNAVAILABLE' });
  });

  it('quitting before the 30 s are up clears a secret still on the clipboard, not what the user copied since', async () => {
    const system = { text: 'before', writeText(t: string) { system.text = t; }, readText: () => system.text };
    const shell = clipboardClearedOnQuit(system);
    const never = () => {};
    await createSecretClipboard(shell.effect, never).copy('s3cret-value');
    expect(system.text).toBe('s3cret-value');
    shell.clearOnQuit();
    expect(system.text).toBe('');

    await createSecretClipboard(shell.effect, never).copy('another-secret');
    system.text = 'something the user copied';
    shell.clearOnQuit();
    expect(system.text).toBe('something the user copied');
  });
});
