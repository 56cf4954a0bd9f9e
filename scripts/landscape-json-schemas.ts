/**
 * Writes the JSON Schemas of the landscape file (`*.landscape.json`) and of the landscapes document
 * (`landscapes.json` in the data directory), generated from the zod schemas the app validates with.
 * Run: npx tsx scripts/landscape-json-schemas.ts   (a unit test fails while they are out of date)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { landscapeJsonSchemas } from '../main/services/landscapes/json-schemas';

const dir = join(import.meta.dirname, '../shared/landscape/schemas');
for (const [name, schema] of Object.entries(landscapeJsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${name}.schema.json`);
}
