/**
 * The evidence report against its real consumers: the s4-sscv2 landscape probed against nginx on
 * loopback, then the report written through the CLI — opened in Chromium with every request
 * refused, printed to PDF and read back with pdftotext, its SHA-256 checked with sha256sum, its
 * detached CMS signature verified by openssl cms, and no secret anywhere (canary).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/composition';
import { runCli } from '../../../main/cli/run-cli';
import { reportCommand } from '../../../main/cli/commands/report';
import { chromiumPdfPrinter } from '../../../main/services/evidence/pdf-printer';
import { CLIENT_AUTH, issue } from '../../peers/pki';
import { createTestServices, makeHome } from '../../support/test-services';
import { CANARY, setUpS4Sscv2, type S4Fixture } from '../probes/s4-sscv2-fixture';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NAME = 'Evidence S4';
const NOTE = 'Go-live check <script>alert(1)</script> & "quotes"';

describe('evidence report', { timeout: 180_000 }, () => {
  let services: Services;
  let fx: S4Fixture;
  let home: string;
  let work: string;
  let signerKeyPem: string;
  let caFile: string;
  const cli = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, readStdin: async () => '' }, () => services, [reportCommand]);
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    home = makeHome('landscape-evidence-');
    work = mkdtempSync(join(tmpdir(), 'landscape-evidence-work-'));
    services = createTestServices(home, { printPdf: chromiumPdfPrinter(CHROMIUM) });
    fx = await setUpS4Sscv2(services, NAME);
    const signer = await issue({ cn: 'Consultant Jane Roe', issuer: fx.pki.intermediate, eku: [CLIENT_AUTH] });
    signerKeyPem = signer.keyPem;
    await services.vault.create({ kind: 'client-certificate', label: 'Jane signing', meta: { certificateChainPem: [signer.certPem, fx.pki.intermediate.certPem] }, secret: { privateKeyPem: signer.keyPem } });
    caFile = join(work, 'root.pem');
    writeFileSync(caFile, fx.pki.root.certPem);
    await services.probes.startAll(fx.landscapeId, () => {}).done;
    const r = await cli(['report', NAME, '--out', join(work, 'report.html'), '--pdf', join(work, 'report.pdf'), '--by', 'Jane Roe', '--note', NOTE, '--sign', 'Jane signing', '--sig', join(work, 'report.p7s'), '--json']);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await fx?.nginx.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('holds every pathway with direction, verdict, route, findings and the chain seen, plus who, when and which version', () => {
    const html = readFileSync(join(work, 'report.html'), 'utf8');
    const twin = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
    expect(twin.pathways.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4]);
    expect(twin.pathways.map((p: { direction: string }) => p.direction)).toEqual(['inbound', 'outbound', 'inbound', 'outbound']);
    expect(twin.pathways.every((p: { verdict: string }) => p.verdict !== 'not-probed')).toBe(true);
    expect(twin.consultant).toEqual({ name: 'Jane Roe', note: NOTE });
    expect(twin.app.version).toMatch(/^\d+\.\d+\.\d+/);
    const serverFp = twin.pathways[0].chain[0].fingerprintSha256;
    expect(serverFp).toMatch(/^[0-9A-F:]{95}$/);
    expect(html).toContain(serverFp);
    expect(html).toContain('Pathway 2: Cloud Integration → ');
    expect(html).toContain('Route');
    expect(html).toContain('Go-live check &lt;script&gt;');
    expect(html).toMatch(/<svg [^>]*aria-label="Landscape diagram"/);
    expect(html).not.toMatch(/(src|href)\s*=|url\((?!#)/i);
  });

  it('opens in Chromium without network: no request leaves the page, the diagram draws, the note stays text', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ offline: true });
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file:')) return route.continue();
        requests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(work, 'report.html')).href);
      expect(await page.title()).toBe(`Evidence report: ${NAME}`);
      const box = await page.locator('svg[aria-label="Landscape diagram"]').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(await page.locator('[data-edge]').count()).toBe(4);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.getByText('Pathway 4:', { exact: false }).count()).toBeGreaterThan(0);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('prints a PDF that pdftotext reads back', () => {
    const text = execFileSync('pdftotext', ['-layout', join(work, 'report.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(`Evidence report: ${NAME}`);
    expect(text).toMatch(/Pathway 3: /);
    expect(text).toContain('Jane Roe');
    expect(readFileSync(join(work, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('states its SHA-256 (sha256sum -c agrees) and the JSON twin carries it', () => {
    const r = spawnSync('sha256sum', ['-c', 'report.html.sha256'], { cwd: work, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('report.html: OK');
    const twin = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
    expect(readFileSync(join(work, 'report.html.sha256'), 'utf8')).toContain(twin.reportSha256);
  });

  it('carries a detached DER CMS signature that openssl cms -verify accepts (and refuses for a changed report)', () => {
    const verify = (content: string) =>
      spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(work, 'report.p7s'), '-content', content, '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
    const ok = verify(join(work, 'report.html'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('Verification successful');
    const signer = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(work, 'report.p7s')], { encoding: 'utf8' });
    expect(signer).toContain('Consultant Jane Roe');
    const changed = join(work, 'changed.html');
    writeFileSync(changed, readFileSync(join(work, 'report.html'), 'utf8').replace('Jane Roe', 'John Doe'));
    expect(verify(changed).status).not.toBe(0);
    const otherCa = join(work, 'other.pem');
    writeFileSync(otherCa, fx.pki.otherRoot.certPem);
    const wrongTrust = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(work, 'report.p7s'), '-content', join(work, 'report.html'), '-CAfile', otherCa, '-purpose', 'any', '-out', '/dev/null']);
    expect(wrongTrust.status).not.toBe(0);
  });

  it('holds no secret: not the passwords, not a private key, in any file it wrote', () => {
    const pdfText = execFileSync('pdftotext', [join(work, 'report.pdf'), '-'], { encoding: 'utf8' });
    const keyLine = signerKeyPem.split('\n')[1]!;
    const clientKeyLine = fx.pki.client.keyPem.split('\n')[1]!;
    for (const file of ['report.html', 'report.json', 'report.html.sha256', 'report.p7s', 'report.pdf']) {
      const text = readFileSync(join(work, file)).toString('latin1');
      expect(text, file).not.toContain(CANARY);
      expect(text, file).not.toContain(keyLine);
      expect(text, file).not.toContain(clientKeyLine);
      expect(text, file).not.toContain('PRIVATE KEY');
    }
    expect(pdfText).not.toContain(CANARY);
  });

  it('refuses --sign without --sig, and a signer that is not a client certificate, writing nothing', async () => {
    expect((await cli(['report', NAME, '--out', join(work, 'x.html'), '--sign', 'Jane signing'])).code).toBe(2);
    const r = await cli(['report', NAME, '--out', join(work, 'y.html'), '--sign', 'S/4 communication user', '--sig', join(work, 'y.p7s')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a basic, not a client-certificate/);
    expect(spawnSync('ls', [join(work, 'y.html')]).status).not.toBe(0);
  });
});
