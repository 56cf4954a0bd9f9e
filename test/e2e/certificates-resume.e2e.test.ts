/**
 * The CA answers days later: a key and CSR made in one session, the app closed and opened again on
 * the same data directory, and the waiting key offers "Continue…" to pair the CA's answer (signed
 * here with openssl). Then a customer's .p12 (made by openssl) is imported from a chosen file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';
import { makeHome } from '../support/test-services';

const work = mkdtempSync(join(tmpdir(), 'landscape-resume-e2e-'));
const o = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

describe('Certificates after a restart', () => {
  let app: OpenedApp | undefined;
  afterAll(async () => {
    await app?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('pairs the CA answer with a key made before the restart, then imports a customer .p12', { timeout: 180_000 }, async () => {
    const home = makeHome('landscape-resume-');
    const p12 = join(work, 'customer.p12');
    const dialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => p12 };
    app = await openApp({ home, overrides: { dialogs } });
    let page = app.page;
    page.setDefaultTimeout(20_000);
    await page.getByRole('button', { name: 'Certificates' }).click();
    const keyForm = page.getByRole('form', { name: '1. Key' });
    await keyForm.getByLabel('Label').fill('waiting-client');
    await keyForm.getByRole('button', { name: 'Generate key' }).click();
    const csrForm = page.getByRole('form', { name: '2. Certificate request' });
    await csrForm.getByLabel('Common name (CN)').fill('waiting-client.example.org');
    await csrForm.getByRole('button', { name: 'Create CSR' }).click();
    await expect.poll(() => page.getByTestId('csr-pem').inputValue()).toMatch(/BEGIN CERTIFICATE REQUEST/);
    writeFileSync(join(work, 'req.csr'), await page.getByTestId('csr-pem').inputValue());
    await app.close();

    // Days later, the CA answers.
    writeFileSync(join(work, 'ext.cnf'), '[leaf]\nextendedKeyUsage=clientAuth\n');
    o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, 'ca.key'), '-subj', '/CN=Resume Root CA', '-days', '400', '-out', join(work, 'ca.pem'));
    o('x509', '-req', '-in', join(work, 'req.csr'), '-CA', join(work, 'ca.pem'), '-CAkey', join(work, 'ca.key'), '-CAcreateserial', '-days', '300', '-extfile', join(work, 'ext.cnf'), '-extensions', 'leaf', '-out', join(work, 'signed.pem'));
    const answer = readFileSync(join(work, 'signed.pem'), 'utf8') + readFileSync(join(work, 'ca.pem'), 'utf8');

    app = await openApp({ home, overrides: { dialogs } });
    page = app.page;
    page.setDefaultTimeout(20_000);
    await page.getByRole('button', { name: 'Certificates' }).click();
    await page.getByRole('button', { name: /^Continue with waiting-client/ }).click();
    const answerForm = page.getByRole('form', { name: '3. Signed certificate' });
    await answerForm.getByRole('textbox').fill(answer);
    await answerForm.getByRole('button', { name: 'Pair with key' }).click();
    await expect.poll(() => page.getByTestId('pairing-result').textContent()).toMatch(/Paired: .*waiting-client\.example\.org/);
    expect(await page.getByTestId('pairing-result').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await expect.poll(() => page.getByRole('table', { name: 'Certificates' }).textContent()).toContain('waiting-client');

    // A customer's PKCS#12, made by openssl.
    o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, 'cust.key'), '-subj', '/CN=customer-sender', '-days', '200', '-out', join(work, 'cust.pem'));
    o('pkcs12', '-export', '-inkey', join(work, 'cust.key'), '-in', join(work, 'cust.pem'), '-passout', 'pass:Cust-Pw-1', '-out', p12);
    const imp = page.getByRole('form', { name: 'Import a certificate with its key' });
    await imp.getByLabel('Label').fill('Customer sender');
    await imp.getByRole('button', { name: 'Choose file…' }).click();
    await expect.poll(() => imp.getByLabel('File').inputValue()).toBe(p12);
    await imp.getByLabel('PKCS#12 password').fill('Cust-Pw-1');
    await imp.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Certificates' }).textContent()).toContain('Customer sender');
    expect(await imp.getByLabel('PKCS#12 password').inputValue()).toBe('');
    const stored = (await app.services.vault.list()).find((c) => c.label === 'Customer sender');
    expect(stored?.kind).toBe('client-certificate');
    expect(await page.content()).not.toContain('PRIVATE KEY');
  });
});
