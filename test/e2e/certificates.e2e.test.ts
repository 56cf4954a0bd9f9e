/**
 * The Certificates view in Chromium over the real handlers and keychain: the guided new client
 * certificate flow from key to .p12. The CSR is signed in the test by a CA made with openssl; the
 * save path comes from a scripted file dialog (no native dialog exists in the browser test, and main
 * accepts only dialog-chosen paths), and keytool reads the exported file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

const work = mkdtempSync(join(tmpdir(), 'landscape-cert-e2e-'));
const o = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

describe('Certificates view', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('walks key → CSR → signed answer → .p12, and lists the certificate with its findings', { timeout: 120_000 }, async () => {
    const p12Path = join(work, 'acme-client.p12');
    app = await openApp({
      overrides: { dialogs: { chooseSavePath: async () => p12Path, chooseOpenPath: async () => null } },
    });
    const { page, services } = app;
    page.setDefaultTimeout(20_000);
    await page.getByRole('button', { name: 'Certificates' }).click();

    const keyForm = page.getByRole('form', { name: '1. Key' });
    await keyForm.getByLabel('Label').fill('acme-client');
    await keyForm.getByLabel('Key type').selectOption('rsa-2048');
    await keyForm.getByRole('button', { name: 'Generate key' }).click();

    const csrForm = page.getByRole('form', { name: '2. Certificate request' });
    await csrForm.getByLabel('Common name (CN)').fill('acme-client.example.org');
    await csrForm.getByLabel('Organization (O)').fill('ACME');
    await csrForm.getByLabel('Country (C, two letters)').fill('DE');
    await csrForm.getByRole('button', { name: 'Create CSR' }).click();
    await expect.poll(() => page.getByTestId('csr-pem').inputValue()).toMatch(/BEGIN CERTIFICATE REQUEST/);
    const csrPem = await page.getByTestId('csr-pem').inputValue();
    expect(await page.getByRole('table', { name: 'Keys' }).textContent()).toContain('acme-client');

    // The CA's side, with openssl: a root, and the CSR signed with clientAuth.
    writeFileSync(join(work, 'req.csr'), csrPem);
    writeFileSync(join(work, 'ext.cnf'), '[leaf]\nextendedKeyUsage=clientAuth\n');
    o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, 'ca.key'), '-subj', '/CN=E2E Root CA', '-days', '30', '-out', join(work, 'ca.pem'));
    o('x509', '-req', '-in', join(work, 'req.csr'), '-CA', join(work, 'ca.pem'), '-CAkey', join(work, 'ca.key'), '-CAcreateserial', '-days', '20', '-extfile', join(work, 'ext.cnf'), '-extensions', 'leaf', '-out', join(work, 'signed.pem'));
    const answer = readFileSync(join(work, 'signed.pem'), 'utf8') + readFileSync(join(work, 'ca.pem'), 'utf8');

    const answerForm = page.getByRole('form', { name: '3. Signed certificate' });
    await answerForm.getByRole('textbox').fill(answer);
    await answerForm.getByRole('button', { name: 'Pair with key' }).click();
    await expect.poll(() => page.getByTestId('pairing-result').textContent()).toMatch(/Paired: .*acme-client\.example\.org/);
    expect(await page.getByRole('list', { name: 'Chain' }).textContent()).toMatch(/acme-client\.example\.org.*E2E Root CA/);
    expect(await page.getByTestId('pairing-result').textContent()).toContain('Chain complete.');
    // Expiring within 30 days (20-day certificate): the finding and its fix are shown.
    const finding = page.getByTestId('pairing-result').locator('[data-code="expiring-soon"]');
    expect(await finding.textContent()).toMatch(/Fix: .*Where: /s);

    const exportForm = page.getByRole('form', { name: '4. Export PKCS#12' });
    await exportForm.getByLabel('Alias').fill('sap_client');
    expect(await exportForm.getByRole('alert').first().textContent()).toMatch(/reserved for SAP/);
    await exportForm.getByLabel('Alias').fill('acme-client');
    await exportForm.getByRole('button', { name: 'Choose file…' }).click();
    await expect.poll(() => exportForm.getByLabel('File').inputValue()).toBe(p12Path);
    await exportForm.getByRole('button', { name: 'Export .p12' }).click();
    await expect.poll(() => page.getByTestId('export-result').textContent()).toMatch(/modern encryption, alias acme-client/);
    expect(existsSync(p12Path)).toBe(true);

    // The password stayed in main: it is in the vault, not in the page.
    const pw = (await services.vault.list()).find((c) => c.kind === 'pkcs12-passphrase')!;
    const { passphrase } = await services.vault.readSecret(pw.id);
    expect(await page.content()).not.toContain(passphrase);
    const list = execFileSync('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', p12Path, '-storepass', passphrase!], { encoding: 'utf8' });
    expect(list.match(/Entry type: PrivateKeyEntry/g)).toHaveLength(1);
    expect(list).toMatch(/Alias name: acme-client/);

    const certs = page.getByRole('table', { name: 'Certificates' });
    await expect.poll(() => certs.textContent()).toMatch(/acme-client.*CN=acme-client\.example\.org/);
    expect(await page.getByRole('table', { name: 'Keys' }).count()).toBe(0);
  });

  it('creates an SSH key and shows its authorized_keys line and the fingerprint ssh-keygen prints', { timeout: 120_000 }, async () => {
    app = await openApp();
    const { page } = app;
    page.setDefaultTimeout(20_000);
    await page.getByRole('button', { name: 'Certificates' }).click();
    const form = page.getByRole('form', { name: 'New SSH key' });
    await form.getByLabel('SSH key label').fill('sftp-out');
    await form.getByLabel('SSH key type').selectOption('ed25519');
    await form.getByRole('button', { name: 'Generate SSH key' }).click();
    const line = await form.getByRole('textbox', { name: /authorized_keys/ }).inputValue();
    expect(line).toMatch(/^ssh-ed25519 AAAA\S+ landscape-setup$/);
    const pubFile = join(work, 'sftp-out.pub');
    writeFileSync(pubFile, line + '\n');
    const fingerprint = execFileSync('ssh-keygen', ['-lf', pubFile], { encoding: 'utf8' }).split(/\s+/)[1]!;
    expect(await page.getByTestId('ssh-public').textContent()).toContain(fingerprint);
    await expect.poll(() => page.getByRole('table', { name: 'SSH keys' }).textContent()).toContain(fingerprint);
  });
});
