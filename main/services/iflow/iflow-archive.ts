/**
 * The integration flows inside one file: an iFlow export (`META-INF/MANIFEST.MF`,
 * `src/main/resources/scenarioflows/integrationflow/*.iflw`, `src/main/resources/parameters.prop`),
 * an integration package export (artifacts nested as zips, named `<id>_content` or `*.zip`), or a
 * bare `.iflw`. Nested archives are read to a bounded depth on one inflate budget.
 */
import { listEntries, readEntry, ZipRefused, ZIP_LIMITS, type InflateBudget, type ZipEntry, type ZipLimits } from './safe-zip';

export interface ExtractedIflow {
  /** Where it was found: the file, then ` › entry` per nesting level. */
  location: string;
  id: string;
  name: string;
  iflw: string;
  parametersProp: string;
}

const MAX_NESTING = 3;
const RESOURCES = 'src/main/resources/';

function isZip(b: Buffer): boolean {
  return b.length >= 4 && b.readUInt32LE(0) === 0x04034b50;
}

/** `Key: value` headers with continuation lines (a leading space). */
export function parseManifest(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last = '';
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    if (line.startsWith(' ') && last) headers.set(last, (headers.get(last) ?? '') + line.slice(1));
    else {
      const i = line.indexOf(':');
      if (i > 0) {
        last = line.slice(0, i).trim();
        headers.set(last, line.slice(i + 1).trim());
      }
    }
  }
  return headers;
}

function decode(b: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b).replace(/^\uFEFF/, '');
  } catch {
    throw new ZipRefused(`${what} is not UTF-8 text`);
  }
}

function readZip(location: string, bytes: Buffer, budget: InflateBudget, depth: number, limits: ZipLimits): ExtractedIflow[] {
  if (depth > MAX_NESTING) throw new ZipRefused(`it nests archives deeper than ${MAX_NESTING} levels`);
  const entries = listEntries(bytes, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (e: ZipEntry) => decode(readEntry(bytes, e, budget, limits), `its entry "${e.name}"`);
  const out: ExtractedIflow[] = [];
  for (const e of entries) {
    if (/\.iflw$/i.test(e.name)) {
      const at = e.name.lastIndexOf(RESOURCES);
      const root = at >= 0 ? e.name.slice(0, at) : e.name.slice(0, e.name.lastIndexOf('/') + 1);
      const params = byName.get(`${root}${RESOURCES}parameters.prop`) ?? byName.get(`${root}parameters.prop`);
      const manifest = byName.get(`${root}META-INF/MANIFEST.MF`);
      const headers = manifest ? parseManifest(text(manifest)) : new Map<string, string>();
      const fileName = e.name.slice(e.name.lastIndexOf('/') + 1).replace(/\.iflw$/i, '');
      const id = (headers.get('Bundle-SymbolicName') ?? '').split(';')[0]!.trim() || fileName;
      out.push({ location: `${location} › ${e.name}`, id, name: headers.get('Bundle-Name') || fileName, iflw: text(e), parametersProp: params ? text(params) : '' });
    } else if (/(\.zip|_content)$/i.test(e.name)) {
      const inner = readEntry(bytes, e, budget, limits);
      if (isZip(inner)) out.push(...readZip(`${location} › ${e.name}`, inner, budget, depth + 1, limits));
    }
  }
  return out;
}

/** Every iFlow in `bytes` (a zip or a bare .iflw); throws ZipRefused with the reason. */
export function extractIflows(location: string, bytes: Buffer, limits: ZipLimits = ZIP_LIMITS): ExtractedIflow[] {
  if (isZip(bytes)) return readZip(location, bytes, { used: 0 }, 0, limits);
  if (bytes.length > limits.maxEntryBytes) throw new ZipRefused(`it is larger than ${limits.maxEntryBytes / 1048576} MB`);
  const body = decode(bytes, 'it');
  if (!/^\s*</.test(body)) throw new ZipRefused('it is neither a zip archive nor an .iflw file');
  const name = location.replace(/^.*[\\/]/, '').replace(/\.iflw$/i, '');
  return [{ location, id: name, name, iflw: body, parametersProp: '' }];
}
