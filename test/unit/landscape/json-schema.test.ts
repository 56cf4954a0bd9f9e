import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/logger';
import { landscapeJsonSchemas } from '../../../main/services/landscapes/json-schemas';
import { createLandscapesService } from '../../../main/services/landscapes/landscapes-service';
import { createFileBackend } from '../../../main/services/store/file-backend';
import { makeHome } from '../../support/test-services';

const dir = join(__dirname, '../../../shared/landscape/schemas');
const committed = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.schema.json`), 'utf8'));

describe('JSON Schemas of the landscape formats', () => {
  it('the committed schemas are the ones the zod schemas generate (npx tsx scripts/landscape-json-schemas.ts)', () => {
    for (const [name, schema] of Object.entries(landscapeJsonSchemas())) expect(committed(name)).toEqual(schema);
  });

  it('an exported file and the stored document validate; a broken file does not', async () => {
    const home = makeHome();
    const svc = createLandscapesService({ dataDir: home, backend: createFileBackend, log: silentLogger, now: () => new Date() });
    const l = svc.create({ templateId: 's4-sscv2', name: 'J' });
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const fileValid = ajv.compile(committed('landscape-file'));
    const file = JSON.parse((await svc.files.exportText(l.id)).text);
    expect(fileValid(file)).toBe(true);
    file.landscape.pathways[0].auth = 'kerberos';
    expect(fileValid(file)).toBe(false);
    const docValid = ajv.compile(committed('landscapes-document'));
    expect(docValid(JSON.parse(readFileSync(join(home, 'landscapes.json'), 'utf8')))).toBe(true);
  });
});
