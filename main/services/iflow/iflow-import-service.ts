/**
 * Import integration flows into a landscape: read every file (all refused if one is hostile or not
 * an iFlow), derive the adapters, plan the landscape after the import, and save it only when not a
 * dry run — in one write, so the import is all or nothing. The same result is the preview.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { deriveAdapters, publicAdapter } from '../../../shared/iflow/derive-adapters';
import type { IflowImportResult } from '../../../shared/iflow/import-result';
import { parseParametersProp } from '../../../shared/iflow/parameters-prop';
import { planImport, type DerivedIflow } from '../../../shared/iflow/plan-import';
import type { Landscape } from '../../../shared/landscape/landscape-schema';
import { linkVaultCredentials, materialNeeds, type VaultEntryRef } from '../../../shared/landscape/material-needs';
import { findTemplate, instantiateTemplate } from '../../../shared/landscape/templates';
import { AppError } from '../../../shared/result';
import { validateLandscape } from '../landscapes/validate-landscape';
import { extractIflows } from './iflow-archive';
import { ZIP_LIMITS } from './safe-zip';

export interface IflowImportDeps {
  landscapes: {
    get(ref: string): Landscape;
    list(): { name: string }[];
    insert(l: Landscape): Landscape;
    replace(ref: string, next: Landscape): Landscape;
    newId(): string;
  };
  vault: { list(): Promise<VaultEntryRef[]> };
  now: () => Date;
}

export interface IflowImportRequest {
  files: string[];
  /** Exactly one of: an existing landscape (id or name), or the name of a new one. */
  landscape?: string;
  newName?: string;
  dryRun?: boolean;
}

export type { IflowImportResult };

function refused(file: string, reason: string): AppError {
  return new AppError('IFLOW_REFUSED', `${file} was refused: ${reason}. Nothing was imported; export the integration flow or package again from Cloud Integration (Design → Export) and import that file.`, 'files');
}

function readIflows(files: string[]): DerivedIflow[] {
  if (!files.length) throw new AppError('INVALID_INPUT', 'files: choose at least one integration flow export (.zip) or .iflw file.', 'files');
  const out: DerivedIflow[] = [];
  for (const file of files) {
    if (!isAbsolute(file)) throw new AppError('INVALID_INPUT', `files: ${file} is not an absolute path.`, 'files');
    let bytes: Buffer;
    try {
      if (statSync(file).size > ZIP_LIMITS.maxArchiveBytes) throw refused(file, `it is larger than ${ZIP_LIMITS.maxArchiveBytes / 1048576} MB`);
      bytes = readFileSync(file);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('READ_FAILED', `Could not read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}. Check the path and that you may read it.`, 'files');
    }
    let found;
    try {
      found = extractIflows(file, bytes);
    } catch (e) {
      throw refused(file, (e as Error).message);
    }
    if (!found.length) throw refused(file, 'it holds no integration flow (.iflw)');
    for (const f of found) {
      try {
        out.push({ file: f.location, id: f.id, name: f.name, adapters: deriveAdapters(f.iflw, parseParametersProp(f.parametersProp)) });
      } catch (e) {
        throw refused(f.location, (e as Error).message);
      }
    }
  }
  return out;
}

export function createIflowImportService(deps: IflowImportDeps) {
  function baseLandscape(req: IflowImportRequest): { base: Landscape; created: boolean } {
    if (!!req.landscape === !!req.newName) throw new AppError('INVALID_INPUT', 'Choose either an existing landscape or the name of a new one.', 'landscape');
    if (req.landscape) return { base: deps.landscapes.get(req.landscape), created: false };
    const name = (req.newName ?? '').trim();
    if (!name || name.length > 120) throw new AppError('INVALID_INPUT', 'name: a new landscape needs a name of 1 to 120 characters.', 'newName');
    if (deps.landscapes.list().some((l) => l.name.toLowerCase() === name.toLowerCase())) throw new AppError('NAME_TAKEN', `name: a landscape named "${name}" already exists; import into it, or choose another name.`, 'newName');
    const now = deps.now().toISOString();
    return { base: instantiateTemplate(findTemplate('blank')!, { id: deps.landscapes.newId(), name, now, newId: deps.landscapes.newId }), created: true };
  }

  return {
    async import(req: IflowImportRequest): Promise<IflowImportResult> {
      const iflows = readIflows(req.files);
      const { base, created } = baseLandscape(req);
      const vault = await deps.vault.list();
      const plan = planImport(base, iflows, { now: deps.now().toISOString(), newId: deps.landscapes.newId });
      // Validated in a dry run too, so the preview refuses exactly what the import would.
      const landscape = validateLandscape(linkVaultCredentials(plan.landscape, vault));
      // Importing what the landscape already holds writes nothing (idempotent re-import).
      const changed = created || JSON.stringify(landscape) !== JSON.stringify(base);
      let saved = landscape;
      if (!req.dryRun && changed) saved = created ? deps.landscapes.insert(landscape) : deps.landscapes.replace(base.id, landscape);
      return {
        dryRun: !!req.dryRun,
        landscape: { id: saved.id, name: saved.name, created, changed },
        iflows: iflows.map((f) => ({ file: f.file, name: f.name, adapters: f.adapters.map(publicAdapter) })),
        systems: plan.systems,
        pathways: plan.pathways,
        internal: plan.internal,
        material: materialNeeds(saved, vault),
        findings: plan.findings,
      };
    },
  };
}

export type IflowImportService = ReturnType<typeof createIflowImportService>;
