/**
 * The handover pack's README names every piece of security material CI needs by name, and says
 * which of them are prepared in the vault: a Credential Name with a vault entry of that label reads
 * "prepared", a Private Key Alias with none reads "MISSING" (the pack once read every name as
 * MISSING because it did not look at the vault).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/composition';
import { createTestServices, makeHome } from '../../support/test-services';

const NAME = 'Pack Names';

describe('handover pack README: security material by name', { timeout: 60_000 }, () => {
  let services: Services;
  let home: string;
  let work: string;

  beforeAll(async () => {
    home = makeHome('landscape-pack-names-');
    work = mkdtempSync(join(tmpdir(), 'landscape-pack-names-work-'));
    services = createTestServices(home);
    await services.vault.create({ kind: 'basic', label: 'S4_TECHNICAL_USER', meta: { user: 'CI_USER' }, secret: { password: `pw-${Date.now()}-x` } });
    const l = services.landscapes.create({ templateId: 's4-sscv2', name: NAME });
    const byNumber = (n: number) => services.landscapes.get(l.id).pathways.find((p) => p.number === n)!;
    services.landscapes.updatePathway(l.id, byNumber(4).id, { credentialName: 'S4_TECHNICAL_USER' });
    services.landscapes.updatePathway(l.id, byNumber(2).id, { keystoreAlias: 'sscv2_not_prepared' });
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('marks the name the vault holds as prepared and the one it lacks as MISSING', async () => {
    const dir = join(work, 'pack');
    await services.evidence.writePack({ landscape: NAME, dir });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toMatch(/^- \*\*S4_TECHNICAL_USER\*\* \(prepared, pathway 4\)/m);
    expect(readme).toMatch(/^- \*\*sscv2_not_prepared\*\* \(MISSING, pathway 2\)/m);
  });

  it('says the same as the handover checklist the CLI prints', async () => {
    const dir = join(work, 'pack-2');
    await services.evidence.writePack({ landscape: NAME, dir });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const { buildHandover, renderHandoverMarkdown } = await import('../../../shared/landscape/handover');
    const checklist = renderHandoverMarkdown(buildHandover(services.landscapes.get(NAME), await services.vault.list())).trimEnd();
    expect(readme.startsWith(checklist)).toBe(true);
  });
});
