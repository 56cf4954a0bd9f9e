/**
 * The mailbox-sender template pathway probed end to end in the real renderer (Chromium) over the
 * test bridge to the real handlers and Debian's dovecot on loopback: the address and folder set in
 * the direction panel, the maintained-where steps, a passing IMAP probe with its counts, a folder
 * that does not exist explained, then POP3 chosen in the panel. No flag changes in the mailbox and
 * no password in the page.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from './harness';
import { commit, openPrepared, panel, probeOnce, stepsOf } from './edge-panel';
import { createTestPki, type TestPki } from '../peers/pki';
import { startDovecot, type DovecotPeer } from '../peers/dovecot';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let pki: TestPki;
let mail: DovecotPeer;
let app: OpenedApp | undefined;

beforeAll(async () => {
  pki = await createTestPki();
  mail = await startDovecot({ user: 'poller', password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await mail?.stop();
});

const seenFlags = () => mail.messageFiles().filter((f) => /:2,[A-Z]*S/.test(f)).length;

describe('mailbox-sender in the app', () => {
  it('configured in the panel, probed over IMAP SSL/TLS with its counts; a missing folder explained; then POP3', async () => {
    const opened = await openPrepared({ templateId: 'mailbox-sender', name: 'Mailbox E2E', user: 'poller', password: canary, rootPem: pki.root.certPem });
    app = opened.app;
    const { s, l, page, home } = opened;

    await commit(page, 'cfg-endpoint', `127.0.0.1:${mail.imaps}`);
    await commit(page, 'cfg-folder', 'Orders');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.mailbox).toEqual({ protection: 'tls', folder: 'Orders' });
    expect(await panel(page).locator('#cfg-protection').inputValue()).toBe('tls');
    const where = panel(page).getByTestId('maintained-where');
    expect(await where.textContent()).toMatch(/Keystore: server root CA[\s\S]*Mailbox CI polls/);

    const flagsBefore = seenFlags();
    const ok = await probeOnce(page, 'passed');
    expect(await stepsOf(ok)).toEqual(expect.arrayContaining(['tls', 'certificates', 'auth', 'folder', 'content']));
    expect(await ok.locator('[data-step="content"]').textContent()).toContain('1 message, 1 unread in Orders');
    await page.screenshot({ path: join(home, 'imap-probe.png'), fullPage: true });

    await commit(page, 'cfg-folder', 'Invoices');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.mailbox?.folder).toBe('Invoices');
    const failed = await probeOnce(page, 'failed');
    expect(await failed.locator('[data-code="mail.folder.missing"]').textContent()).toContain('Folder in the Mail sender adapter');
    await page.screenshot({ path: join(home, 'imap-folder-missing.png'), fullPage: true });

    await panel(page).locator('#cfg-protocol').selectOption('pop3');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.protocol).toBe('pop3');
    await commit(page, 'cfg-endpoint', `127.0.0.1:${mail.pop3s}`);
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.endpoint).toBe(`127.0.0.1:${mail.pop3s}`);
    expect(await panel(page).locator('#cfg-folder').count()).toBe(0);
    const pop = await probeOnce(page, 'passed');
    expect(await pop.locator('[data-step="content"]').textContent()).toMatch(/5 messages .*no read\/unread flag/);

    expect(seenFlags()).toBe(flagsBefore);
    expect(await page.content()).not.toContain(canary);
    // Nor in anything the app wrote: probe history, landscapes, credential metadata, the log.
    const written = readdirSync(home, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.png'));
    expect(written.map((e) => e.name)).toEqual(expect.arrayContaining(['probe-history.json']));
    for (const e of written) expect(readFileSync(join(e.parentPath, e.name), 'utf8'), e.name).not.toContain(canary);
  }, 120_000);
});
