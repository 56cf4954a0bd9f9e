/**
 * Export and import of `*.landscape.json` files. Export writes atomically to the path the user
 * chose; import reports every problem with its JSON path (schema first, then the rules a save
 * refuses) and relinks credential references to this machine's vault by fingerprint or label.
 */
import { readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import {
  credentialRefKey,
  credentialRefsOf,
  fromLandscapeFile,
  parseLandscapeFile,
  serializeLandscapeFile,
  toLandscapeFile,
  type FileCredentialRef,
  type FileProblem,
} from '../../../shared/landscape/landscape-file';
import { summarizeLandscape, type Landscape, type LandscapeSummary } from '../../../shared/landscape/landscape-schema';
import { blockingFindings } from '../../../shared/landscape/rules';
import { AppError } from '../../../shared/result';
import { noCredentialLinks, type CredentialLinks } from './credential-links';

export interface ExportResult {
  path?: string;
  text: string;
  /** Credential ids this machine's vault did not know: exported without a reference. */
  unlinked: string[];
}

export interface ImportResult {
  landscape: LandscapeSummary;
  /** References with no matching credential here: the pathway keeps no credential until relinked. */
  unresolved: FileCredentialRef[];
}

const FIELD_OF_CODE: Record<string, string> = { AUTH_NOT_VALID: 'auth', ADAPTER_NOT_VALID: 'adapter', UNKNOWN_SYSTEM: 'from', DIRECTION_NO_TENANT: 'to', DIRECTION_TENANT_TO_TENANT: 'to', KEYSTORE_ALIAS_INVALID: 'keystoreAlias', PATHWAY_NUMBER_DUPLICATE: 'number' };

function requireAbsolute(path: string, field: string): string {
  if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', `${field}: the file path must be absolute.`, field);
  return path;
}

function problemsError(problems: FileProblem[]): AppError {
  const list = problems.map((p) => `${p.path}: ${p.message}`).join('\n');
  return new AppError('INVALID_FILE', `The landscape file has ${problems.length} problem(s):\n${list}`, problems[0]?.path);
}

/** The part of the landscapes service the files need (kept narrow to avoid a type cycle). */
export interface LandscapeStoreAccess {
  get(ref: string): Landscape;
  insert(l: Landscape): Landscape;
  newId(): string;
}

export function createLandscapeFiles(landscapes: LandscapeStoreAccess) {
  async function exportText(ref: string, links: CredentialLinks = noCredentialLinks): Promise<ExportResult> {
    const l = landscapes.get(ref);
    const ids = [
      ...l.pathways.flatMap((p) => [p.credentialId, p.proxy.type === 'manual' ? p.proxy.credentialId : undefined]),
      ...l.ciKeystore.map((e) => e.credentialId),
    ].filter((x): x is string => !!x);
    const refs = new Map<string, FileCredentialRef>();
    const unlinked: string[] = [];
    for (const id of new Set(ids)) {
      const r = await links.refOf(id);
      if (r) refs.set(id, r);
      else unlinked.push(id);
    }
    const text = serializeLandscapeFile(toLandscapeFile(l, refs));
    if (/PRIVATE KEY-----/.test(text)) throw new AppError('SECRET_IN_EXPORT', 'Refused: the landscape holds private key material, which never goes into a landscape file.');
    return { text, unlinked };
  }

  /** Every problem in the text, with JSON paths; empty when it would import. */
  function checkText(text: string): FileProblem[] {
    const parsed = parseLandscapeFile(text);
    if (!parsed.ok) return parsed.problems;
    const l = fromLandscapeFile(parsed.file, { id: 'check', now: new Date(0).toISOString(), credentialIds: new Map() });
    return blockingFindings(l).map((f) => {
      const i = l.pathways.findIndex((p) => p.number === f.pathwayNumber);
      const field = FIELD_OF_CODE[f.code];
      return { path: `$.landscape.pathways[${i}]${field ? `.${field}` : ''}`, message: `${f.message} ${f.fix}` };
    });
  }

  async function importText(text: string, opts: { name?: string } = {}, links: CredentialLinks = noCredentialLinks): Promise<ImportResult> {
    const problems = checkText(text);
    if (problems.length) throw problemsError(problems);
    const parsed = parseLandscapeFile(text);
    if (!parsed.ok) throw problemsError(parsed.problems);
    const credentialIds = new Map<string, string>();
    const unresolved: FileCredentialRef[] = [];
    for (const r of credentialRefsOf(parsed.file)) {
      const id = await links.findId(r);
      if (id) credentialIds.set(credentialRefKey(r), id);
      else unresolved.push(r);
    }
    const now = new Date().toISOString();
    const l = fromLandscapeFile(parsed.file, { id: landscapes.newId(), name: opts.name, now, credentialIds });
    return { landscape: summarizeLandscape(landscapes.insert(l)), unresolved };
  }

  return {
    exportText,
    checkText,
    importText,
    async exportFile(ref: string, path: string, links?: CredentialLinks): Promise<ExportResult> {
      requireAbsolute(path, 'path');
      const result = await exportText(ref, links);
      // Write-and-rename: a crash never leaves a half-written file where the user's file was.
      const tmp = `${path}.tmp-${process.pid}`;
      try {
        writeFileSync(tmp, result.text, { mode: 0o644 });
        renameSync(tmp, path);
      } catch (e) {
        try {
          unlinkSync(tmp);
        } catch {
          /* nothing was written */
        }
        throw new AppError('WRITE_FAILED', `Could not write ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`, 'path');
      }
      return { ...result, path };
    },
    async importFile(path: string, opts: { name?: string } = {}, links?: CredentialLinks): Promise<ImportResult> {
      requireAbsolute(path, 'path');
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e) {
        throw new AppError('READ_FAILED', `Could not read ${path}: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`, 'path');
      }
      return importText(text, opts, links);
    },
  };
}

export type LandscapeFiles = ReturnType<typeof createLandscapeFiles>;
