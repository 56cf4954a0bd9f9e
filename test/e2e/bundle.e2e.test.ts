/**
 * Send to another laptop… / Receive… in the real renderer (Chromium) over the real handlers: the
 * sender writes a bundle for the receiver's recipient; the receiver opens it, sees what it holds,
 * imports it (secrets byte-identical), and on a second import resolves the conflict with a choice.
 */
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../support/test-services';
import { seedSender } from '../support/bundle-fixtures';
import { openApp, type OpenedApp } from './harness';

describe('bundles in the app', { timeout: 300_000 }, () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('sends for a recipient, receives with a preview, and asks about conflicts before writing', async () => {
    const senderHome = makeHome('bundle-e2e-sender-');
    const receiverHome = makeHome('bundle-e2e-receiver-');
    const bundleFile = join(senderHome, 'exports', 'Acme UI.bundle.age');
    const sender = createTestServices(senderHome);
    const seeded = await seedSender(sender, 'Acme UI');
    const { recipient } = await createTestServices(receiverHome).bundles.identity();

    app = await openApp({ home: senderHome });
    let page = app.page;
    await page.getByRole('button', { name: 'Send to another laptop…' }).click();
    const send = page.getByRole('form', { name: 'Send to another laptop' });
    await expect.poll(() => send.getByRole('checkbox', { name: 'Acme UI' }).isChecked()).toBe(true);
    await send.getByRole('radio', { name: /colleague's laptop/ }).check();
    await send.getByRole('textbox', { name: 'Recipient' }).fill(recipient);
    await send.getByRole('button', { name: 'Choose file…' }).click();
    await send.getByRole('button', { name: 'Write encrypted bundle' }).click();
    await expect.poll(() => page.getByTestId('bundle-sent').textContent(), { timeout: 60_000 }).toMatch(/Wrote .*Acme UI\.bundle\.age: Acme UI with 4 credential\(s\), encrypted for the recipient/);
    expect(existsSync(bundleFile)).toBe(true);
    await page.screenshot({ path: join(senderHome, 'send.png'), fullPage: true });
    await app.close();

    const receiverServices = createTestServices(receiverHome, {
      dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => bundleFile },
    });
    app = await openApp({ home: receiverHome, services: receiverServices });
    page = app.page;
    await page.getByRole('button', { name: 'Receive…' }).click();
    await expect.poll(() => page.getByTestId('bundle-recipient').textContent()).toBe(recipient);
    const receive = page.getByRole('region', { name: 'Receive from another laptop' });
    await receive.getByRole('button', { name: 'Choose file…' }).click();
    await receive.getByRole('button', { name: 'Open and check' }).click();
    const preview = page.getByTestId('bundle-preview');
    await expect.poll(() => preview.textContent(), { timeout: 60_000 }).toContain('No conflicts.');
    expect(await preview.textContent()).toContain('“SSC client key” (Key pair (awaiting certificate))');
    await receive.getByRole('button', { name: 'Import all' }).click();
    await expect.poll(() => page.getByTestId('bundle-received').textContent()).toMatch(/“Acme UI” created; 4 credential\(s\) \(4 new\)/);
    for (const [label, secret] of seeded.secrets) {
      const here = (await receiverServices.vault.findByLabel(label))!;
      expect(await receiverServices.vault.readSecret(here.id)).toStrictEqual(secret);
    }

    // Again: the landscape is here already; nothing is written until the conflict has a choice.
    await receive.getByRole('button', { name: 'Open and check' }).click();
    await expect.poll(() => preview.textContent(), { timeout: 60_000 }).toContain('1 conflict(s) need a choice.');
    expect(await preview.textContent()).toContain('Identical to “S/4 inbound user” here: reused');
    await page.screenshot({ path: join(receiverHome, 'receive.png'), fullPage: true });
    expect(await receive.getByRole('button', { name: 'Import all' }).isDisabled()).toBe(true);
    await receive.getByRole('combobox', { name: 'What to do with Acme UI' }).selectOption('keep-both');
    await receive.getByRole('button', { name: 'Import all' }).click();
    await expect.poll(() => page.getByTestId('bundle-received').textContent()).toMatch(/“Acme UI \(2\)” created/);
    expect(receiverServices.landscapes.list().map((l) => l.name).sort()).toEqual(['Acme UI', 'Acme UI (2)']);
    expect(readFileSync(join(receiverHome, 'landscapes.json'), 'utf8')).not.toContain('clientSecret');
  });

  it('a generated passphrase is shown once, on request; a wrong recipient is refused with a clear message', async () => {
    const home = makeHome('bundle-e2e-pass-');
    await seedSender(createTestServices(home), 'Pass UI');
    app = await openApp({ home }); // its default save dialog answers <home>/exports/<suggested name>
    const page = app.page;
    await page.getByRole('button', { name: 'Send to another laptop…' }).click();
    const send = page.getByRole('form', { name: 'Send to another laptop' });
    await expect.poll(() => send.getByRole('checkbox', { name: 'Pass UI' }).isChecked()).toBe(true);
    await send.getByRole('radio', { name: /colleague's laptop/ }).check();
    await send.getByRole('textbox', { name: 'Recipient' }).fill('age1notarecipient');
    await send.getByRole('button', { name: 'Choose file…' }).click();
    await send.getByRole('button', { name: 'Write encrypted bundle' }).click();
    await expect.poll(() => send.getByRole('alert').textContent()).toMatch(/not an age recipient: it starts with age1/);
    await send.getByRole('radio', { name: /new passphrase/ }).check();
    await send.getByRole('button', { name: 'Write encrypted bundle' }).click();
    await expect.poll(() => page.getByTestId('bundle-sent').textContent(), { timeout: 120_000 }).toMatch(/encrypted with the passphrase/);
    expect(await page.getByTestId('bundle-passphrase').count()).toBe(0);
    await page.getByRole('button', { name: 'Show passphrase (once)' }).click();
    await expect.poll(() => page.getByTestId('bundle-passphrase').textContent()).toMatch(/^([a-z2-9]{5}-){5}[a-z2-9]{5}$/);
  });
});
