/**
 * A consultant's onboarding day through the UI only (no CLI, no service call from the test): a new
 * landscape; a customer's password and an OAuth2 client typed by hand, one edited; a BTP service key
 * imported and its URLs applied; a key and CSR, the app restarted on the same home, the CA's answer
 * (an openssl CA made here) paired; a customer .p12 and a PEM + key imported; credentials linked on
 * the four edges; the customer's CA added on the Trust screen and the CI keystore modelled (a key
 * pair under its alias); each edge probed against loopback nginx (which sends its root, as CI's own TLS
 * test needs) and its state changing at once — "Add to keystore" and "Add to the landscape's CAs"
 * taken from the failed results, after which every probed edge passes; Probe all; the handover
 * exported. A screenshot of each step lands in test-results/consultant-day/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { makeHome } from '../support/test-services';
import { ciLikeLocations, htpasswdLine, startNginx, tokenFiles, type RunningNginx } from '../peers/nginx';
import { createTestPki } from '../peers/pki';

const OUT = resolve(import.meta.dirname, '../../test-results/consultant-day');
const work = mkdtempSync(join(tmpdir(), 'landscape-day-'));
const o = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
const home = makeHome('landscape-day-');
const SVC_SECRET = `svc-${crypto.randomUUID()}`;
const S4_PASSWORD = `Given-${crypto.randomUUID()}`;
let nextOpen = '';
const dialogs = {
  chooseOpenPath: async () => nextOpen,
  chooseSavePath: async ({ defaultName }: { defaultName?: string }) => {
    mkdirSync(join(home, 'exports'), { recursive: true });
    return join(home, 'exports', defaultName ?? 'export');
  },
};
let app: OpenedApp | undefined;
let nginx: RunningNginx;
let basicPort = 0;
let step = 0;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(OUT, `${String(++step).padStart(2, '0')}-${name}.png`) });
}
async function open(): Promise<Page> {
  app = await openApp({ home, overrides: { dialogs } });
  app.page.setDefaultTimeout(20_000);
  return app.page;
}
const nav = (page: Page, view: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view }).click();
const edge = (page: Page, n: number) => page.getByRole('button', { name: new RegExp(`^Pathway ${n}: `) });
const panel = (page: Page) => page.getByTestId('side-panel');

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // The customer's CA (signs the CSR's answer and the customer's certificates) and the peers.
  writeFileSync(join(work, 'ext.cnf'), '[leaf]\nextendedKeyUsage=clientAuth\n');
  o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, 'ca.key'), '-subj', '/CN=Acme Issuing CA', '-days', '400', '-out', join(work, 'ca.pem'));
  const pki = await createTestPki();
  // The root travels too: CI's TLS test offers "Add to keystore" only for a root the server sent.
  const chain = pki.server.certPem + pki.intermediate.certPem + pki.root.certPem;
  nginx = await startNginx(
    [
      { chainPem: chain, keyPem: pki.server.keyPem, locations: ciLikeLocations('tok-day') },
      { chainPem: chain, keyPem: pki.server.keyPem, clientCaPem: readFileSync(join(work, 'ca.pem'), 'utf8'), locations: 'location / { return 200 "mtls ok"; }' },
    ],
    htpasswdLine('sb-day-client', SVC_SECRET) + htpasswdLine('S4_COMM', `${S4_PASSWORD}-new`),
    tokenFiles('tok-day'),
  );
  basicPort = nginx.ports[0]!;
}, 120_000);
afterAll(async () => {
  await app?.close();
  await nginx?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("a consultant's day, through the UI only", { timeout: 240_000 }, () => {
  it('creates the landscape, enters and edits credentials, applies a service key, makes a key and CSR', async () => {
    const page = await open();
    const create = page.getByRole('form', { name: 'Create a landscape' });
    await create.getByLabel('Name').fill('Acme onboarding');
    await create.getByRole('button', { name: 'Create' }).click();
    await edge(page, 4).waitFor();
    await shot(page, 'landscape-created');

    await nav(page, 'Credentials');
    const basic = page.getByRole('form', { name: 'Add a Basic credential' });
    await basic.getByLabel('Label').fill('S/4 communication user');
    await basic.getByLabel('User').fill('S4_COMM_OLD');
    await basic.getByLabel('Password', { exact: true }).fill(S4_PASSWORD);
    await basic.getByRole('button', { name: 'Save credential' }).click();
    await page.getByRole('row', { name: /S\/4 communication user/ }).waitFor();
    const oauth = page.getByRole('form', { name: 'Add an OAuth2 client' });
    await oauth.getByLabel('Label').fill('SSCv2 OAuth client');
    await oauth.getByLabel('Client ID').fill('sscv2-client');
    await oauth.getByLabel('Client secret').fill(`cs-${crypto.randomUUID()}`);
    await oauth.getByLabel('Token URL').fill('https://sscv2.example.com/oauth/token');
    await oauth.getByRole('button', { name: 'Save OAuth2 client' }).click();
    await page.getByRole('row', { name: /SSCv2 OAuth client/ }).waitFor();
    await page.getByRole('button', { name: 'Edit S/4 communication user' }).click();
    const edit = page.getByRole('form', { name: 'Edit S/4 communication user' });
    await edit.getByLabel('User').fill('S4_COMM');
    await edit.getByLabel(/New password/).fill(`${S4_PASSWORD}-new`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('row', { name: /S\/4 communication user/ }).textContent()).toContain('S4_COMM');
    const key = { clientid: 'sb-day-client', clientsecret: SVC_SECRET, url: `https://localhost:${basicPort}`, tokenurl: `https://localhost:${basicPort}/oauth/token` };
    await page.getByLabel('Service key JSON').fill(JSON.stringify(key));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('service-key-result').textContent()).toContain(`localhost:${basicPort}`);
    await page.getByRole('button', { name: 'Apply URLs' }).click();
    await expect.poll(() => page.getByTestId('service-key-result').textContent()).toMatch(/Applied to Acme onboarding: tenant runtime host localhost(:\d+)?, pathway 1 endpoint and credential/);
    expect(await page.content()).not.toContain(SVC_SECRET);
    expect(await page.content()).not.toContain(S4_PASSWORD);
    await shot(page, 'credentials');

    await nav(page, 'Certificates');
    const keyForm = page.getByRole('form', { name: '1. Key' });
    await keyForm.getByLabel('Label').fill('Acme SSCv2 client');
    await keyForm.getByRole('button', { name: 'Generate key' }).click();
    const csrForm = page.getByRole('form', { name: '2. Certificate request' });
    await csrForm.getByLabel('Common name (CN)').fill('acme-sscv2-client.example.org');
    await csrForm.getByRole('button', { name: 'Create CSR' }).click();
    await expect.poll(() => page.getByTestId('csr-pem').inputValue()).toMatch(/BEGIN CERTIFICATE REQUEST/);
    writeFileSync(join(work, 'req.csr'), await page.getByTestId('csr-pem').inputValue());
    await shot(page, 'csr');
    await app!.close();
    app = undefined;
  });

  it('after a restart pairs the CA answer and imports the customer .p12 and PEM + key', async () => {
    o('x509', '-req', '-in', join(work, 'req.csr'), '-CA', join(work, 'ca.pem'), '-CAkey', join(work, 'ca.key'), '-CAcreateserial', '-days', '300', '-extfile', join(work, 'ext.cnf'), '-extensions', 'leaf', '-out', join(work, 'signed.pem'));
    const answer = readFileSync(join(work, 'signed.pem'), 'utf8') + readFileSync(join(work, 'ca.pem'), 'utf8');
    const page = await open();
    await nav(page, 'Certificates');
    await page.getByRole('button', { name: /^Continue with Acme SSCv2 client/ }).click();
    const answerForm = page.getByRole('form', { name: '3. Signed certificate' });
    await answerForm.getByRole('textbox').fill(answer);
    await answerForm.getByRole('button', { name: 'Pair with key' }).click();
    await expect.poll(() => page.getByTestId('pairing-result').textContent()).toMatch(/Paired: .*acme-sscv2-client\.example\.org/);
    await shot(page, 'paired');

    const customer = (name: string, cn: string) => {
      o('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, `${name}.key`), '-subj', `/CN=${cn}`, '-out', join(work, `${name}.csr`));
      o('x509', '-req', '-in', join(work, `${name}.csr`), '-CA', join(work, 'ca.pem'), '-CAkey', join(work, 'ca.key'), '-CAcreateserial', '-days', '200', '-extfile', join(work, 'ext.cnf'), '-extensions', 'leaf', '-out', join(work, `${name}.pem`));
    };
    customer('sender', 'sscv2-sender.acme.example');
    o('pkcs12', '-export', '-inkey', join(work, 'sender.key'), '-in', join(work, 'sender.pem'), '-certfile', join(work, 'ca.pem'), '-passout', 'pass:Cust-Pw-1', '-out', join(work, 'sender.p12'));
    const imp = page.getByRole('form', { name: 'Import a certificate with its key' });
    nextOpen = join(work, 'sender.p12');
    await imp.getByLabel('Label').fill('SSCv2 sender certificate');
    await imp.getByRole('button', { name: 'Choose file…' }).click();
    await expect.poll(() => imp.getByLabel('File').inputValue()).toBe(nextOpen);
    await imp.getByLabel('PKCS#12 password').fill('Cust-Pw-1');
    await imp.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Certificates' }).textContent()).toContain('SSCv2 sender certificate');
    customer('pem', 'pem-client.acme.example');
    writeFileSync(join(work, 'pem-both.pem'), readFileSync(join(work, 'pem.pem'), 'utf8') + readFileSync(join(work, 'pem.key'), 'utf8'));
    nextOpen = join(work, 'pem-both.pem');
    await imp.getByLabel('PEM certificate + private key').check();
    await imp.getByLabel('Label').fill('Customer PEM client');
    await imp.getByRole('button', { name: 'Choose file…' }).click();
    await expect.poll(() => imp.getByLabel('File').inputValue()).toBe(nextOpen);
    await imp.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Certificates' }).textContent()).toContain('Customer PEM client');
    expect(await page.content()).not.toContain('PRIVATE KEY');
    await shot(page, 'imported');
  });

  it('links credentials on the four edges, probes each (its state changes at once), probes all, exports the handover', async () => {
    const page = app!.page;
    await nav(page, 'Landscape');
    const link = async (n: number, credential: string | null, extra?: () => Promise<void>) => {
      await edge(page, n).click();
      await expect.poll(() => panel(page).getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^Pathway ${n}: `));
      if (credential) await panel(page).locator('#cfg-credentialId').selectOption({ label: credential });
      await extra?.();
    };
    const commit = async (id: string, value: string) => {
      await panel(page).locator(`#cfg-${id}`).fill(value);
      await panel(page).locator(`#cfg-${id}`).press('Enter');
    };
    // The service key's credential and runtime URL were applied; the iFlow's address completes the endpoint.
    await link(1, null, () => commit('endpoint', `https://localhost:${basicPort}/http/ok`));
    await link(2, 'Acme SSCv2 client', async () => {
      await commit('endpoint', `https://localhost:${nginx.ports[1]}/sap/c4c/api/v1/product-service/products`);
      await commit('keystoreAlias', 'acme_sscv2_client');
    });
    await link(3, 'SSCv2 sender certificate', () => commit('endpoint', `https://localhost:${nginx.ports[1]}/cxf/sscv2/product`));
    await link(4, 'S/4 communication user', async () => {
      await commit('locationId', 'ACME');
      await commit('virtualHost', 's4-virtual:8000');
      await commit('endpoint', 'http://s4-virtual:8000/sap/opu/odata/sap/API_PRODUCT_SRV');
      await commit('credentialName', 'ACME_S4_BASIC');
    });
    await shot(page, 'linked');

    // Trust: the customer's CA into the landscape's CAs, the SSCv2 client key pair into the modelled keystore.
    await nav(page, 'Trust');
    await page.getByRole('heading', { level: 1, name: 'Trust' }).waitFor();
    nextOpen = join(work, 'ca.pem');
    await page.getByRole('button', { name: 'Import CA certificate…' }).click();
    await expect.poll(() => page.getByTestId('trust-status').textContent()).toBe('Added to the landscape’s CAs: Acme Issuing CA.');
    const form = page.getByRole('group', { name: 'Add to the keystore' });
    await form.getByLabel('Key pair from the vault').selectOption({ label: 'Acme SSCv2 client' });
    await form.getByLabel('Alias').fill('acme_sscv2_client');
    await form.getByRole('button', { name: 'Add key pair' }).click();
    const keystore = page.getByRole('table', { name: 'Cloud Integration keystore' });
    await expect.poll(() => keystore.locator('[data-alias="acme_sscv2_client"]').textContent()).toMatch(/Key pair: Acme SSCv2 client/);
    expect(await keystore.locator('[data-alias="acme_sscv2_client"]').textContent()).toContain('Pathway 2'); // the edge's Private Key Alias
    await shot(page, 'trust');
    await nav(page, 'Landscape');

    const verdictOf = (probe: ReturnType<typeof panel>) => probe.locator('[data-verdict]').getAttribute('data-verdict');
    for (const n of [1, 2, 3, 4]) {
      await edge(page, n).click();
      const before = await edge(page, n).getAttribute('class');
      const probe = panel(page).getByTestId('probe-panel');
      await probe.getByRole('button', { name: 'Probe', exact: true }).click();
      await expect.poll(() => verdictOf(probe), { timeout: 30_000 }).toMatch(n === 4 ? /^not-probed$/ : /^(passed|warning|failed)$/);
      if (n === 4) {
        expect(await probe.textContent()).toContain('Not probed from the laptop');
        await shot(page, `probe-${n}`);
        continue;
      }
      const verdict = await verdictOf(probe);
      await expect.poll(() => edge(page, n).getAttribute('class'), { timeout: 5_000 }).toContain(`state-${verdict}`);
      expect(before).not.toContain(`state-${verdict}`);
      if (n === 1 || n === 2) {
        // Neither the sender (1) nor CI (2) trusts the test root yet: the result offers the fix as a button.
        expect(verdict).toBe('failed');
        const actions = probe.getByTestId('probe-trust-actions');
        await shot(page, `probe-${n}-untrusted`);
        if (n === 1) await actions.getByRole('button', { name: /to the landscape’s CAs$/ }).click();
        else await actions.getByRole('button', { name: 'Add to keystore' }).click();
        await expect.poll(() => actions.getByTestId('probe-trust-status').textContent()).toMatch(/Probe again/);
        await probe.getByRole('button', { name: 'Probe', exact: true }).click();
        await expect.poll(() => probe.getByTestId('probe-trust-actions').count(), { timeout: 30_000 }).toBe(0);
        await expect.poll(() => verdictOf(probe), { timeout: 30_000 }).toMatch(/^(passed|warning)$/);
      } else {
        expect(verdict).toMatch(/^(passed|warning)$/);
      }
      await expect.poll(() => edge(page, n).getAttribute('class'), { timeout: 5_000 }).toMatch(/state-(passed|warning)/);
      await shot(page, `probe-${n}`);
    }

    const toolbar = page.getByRole('toolbar', { name: 'Edit the landscape' });
    await toolbar.getByRole('button', { name: 'Probe all' }).click();
    await expect.poll(() => toolbar.getByTestId('probe-all').getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/^4 of 4 probed/);
    await shot(page, 'probe-all');
    await toolbar.getByRole('button', { name: 'Export handover…' }).click();
    await expect.poll(() => page.getByTestId('handover-status').textContent()).toMatch(/^Handover written to /);
    const file = (await page.getByTestId('handover-status').textContent())!.replace(/^Handover written to /, '').trim();
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('BTP cockpit');
    await shot(page, 'handover');
  });
});
