/**
 * services.evidence: the evidence report (HTML, its JSON twin, PDF, SHA-256, optional detached
 * CMS signature), the expiry radar (+ .ics) and the handover pack. Built over the landscapes, the
 * vault and the probe history; PDF printing is an injected effect (see pdf-printer.ts).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { toDiagramInput } from '../../../shared/diagram/from-landscape';
import { layoutDiagram } from '../../../shared/diagram/layout';
import { diagramSvg } from '../../../shared/evidence/diagram-svg';
import { expiryByPathway, type ExpiryItem } from '../../../shared/evidence/expiry';
import { renderEvidenceHtml } from '../../../shared/evidence/report-html';
import { buildEvidenceReport, type EvidenceReport, type HistoryResult } from '../../../shared/evidence/report-model';
import { viewPathways, type Landscape } from '../../../shared/landscape';
import { edgeState } from '../../../shared/probe/edge-state';
import { AppError } from '../../../shared/result';
import { resolveCredential } from '../material/material-types';
import { writeExport } from '../material/export-file';
import type { LandscapesPort, VaultPort } from '../material/vault-port';
import { signDetachedCms } from './cms-sign';
import { collectExpiry, type ExpirySourceHook } from './expiry-collect';
import { expiryCalendar } from './expiry-ics';
import type { PdfPrinter } from './pdf-printer';
import { createHandoverPack, type PackPgpPort } from './handover-pack';
import type { ReportWritten } from '../../../shared/evidence/evidence-responses';

export type { ReportWritten };

export interface EvidenceDeps {
  landscapes: LandscapesPort & { list(): Array<{ id: string }> };
  vault: VaultPort;
  /** Probe history, newest first (services.probes.history flushes pending writes first). */
  history: (landscapeId: string, pathwayNumber: number) => HistoryResult[];
  dataDir: string;
  now: () => Date;
  app: { name: string; version: string };
  printPdf?: PdfPrinter;
  /** Further expiry sources (services.pgp's keys in use). */
  expirySources?: ExpirySourceHook[];
  /** PGP keys for the handover pack's keyrings (services.pgp); without it the pack has no PGP files. */
  pgp?: PackPgpPort;
}

export interface ReportRequest {
  landscape: string;
  htmlPath: string;
  /** Default: beside the HTML, `.json` instead of `.html`. */
  jsonPath?: string;
  pdfPath?: string;
  by?: string;
  note?: string;
  /** A vault client certificate (id or label) and where its detached signature goes. */
  sign?: { credential: string; sigPath: string };
}

export function siblingPath(path: string, ext: string): string {
  return path.replace(/\.html?$/i, '') + ext;
}

export function createEvidenceService(deps: EvidenceDeps) {
  const historyOf = (l: Landscape): Record<number, HistoryResult[]> => Object.fromEntries(l.pathways.map((p) => [p.number, deps.history(l.id, p.number)]));

  async function expiryOf(l: Landscape, history = historyOf(l)): Promise<ExpiryItem[]> {
    const credentials = await deps.vault.list();
    const serviceKeyCertificates: Record<string, string> = {};
    for (const c of credentials.filter((x) => x.kind === 'service-key' && l.pathways.some((p) => p.credentialId === x.id))) {
      const cert = (await deps.vault.readSecret(c.id)).certificate;
      if (cert) serviceKeyCertificates[c.id] = cert.replace(/\\n/g, '\n');
    }
    const input = { landscape: l, credentials, history, now: deps.now(), serviceKeyCertificates };
    const items = collectExpiry(input);
    for (const hook of deps.expirySources ?? []) items.push(...(await hook(input)));
    return [...items].sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.title.localeCompare(b.title));
  }

  async function build(ref: string, by?: string, note?: string): Promise<{ report: EvidenceReport; html: string }> {
    const l = deps.landscapes.get(ref);
    const history = historyOf(l);
    const expiry = await expiryOf(l, history);
    const report = buildEvidenceReport({ landscape: l, history, expiry, generatedAt: deps.now(), app: deps.app, consultant: { name: by ?? '', note: note ?? '' } });
    const probeStates = Object.fromEntries(l.pathways.map((p) => [p.number, edgeState(history[p.number] ?? [], p.updatedAt, deps.now())]));
    const days = Object.fromEntries(Object.entries(expiryByPathway(expiry)).map(([n, e]) => [n, e.daysLeft]));
    const svg = diagramSvg(layoutDiagram(toDiagramInput(l, viewPathways(l), probeStates, days)));
    return { report, html: renderEvidenceHtml(report, svg) };
  }

  return {
    buildReport: build,

    async writeReport(req: ReportRequest): Promise<ReportWritten> {
      const { report, html } = await build(req.landscape, req.by, req.note);
      const bytes = Buffer.from(html, 'utf8');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // Everything that can fail runs before the first file is written.
      const signed = req.sign ? await signReport(bytes, req.sign.credential) : undefined;
      const pdf = req.pdfPath ? await printPdf(html) : undefined;
      const jsonPath = req.jsonPath ?? siblingPath(req.htmlPath, '.json');
      const sha256Path = `${req.htmlPath}.sha256`;
      writeExport(deps.dataDir, req.htmlPath, bytes, false);
      writeExport(deps.dataDir, jsonPath, JSON.stringify({ ...report, reportSha256: sha256, reportFile: basename(req.htmlPath) }, null, 2) + '\n', false);
      writeExport(deps.dataDir, sha256Path, `${sha256}  ${basename(req.htmlPath)}\n`, false);
      const out: ReportWritten = { htmlPath: req.htmlPath, jsonPath, sha256, sha256Path, summary: report.summary };
      if (pdf && req.pdfPath) {
        writeExport(deps.dataDir, req.pdfPath, pdf, false);
        Object.assign(out, { pdfPath: req.pdfPath, pdfBytes: pdf.length });
      }
      if (signed && req.sign) {
        writeExport(deps.dataDir, req.sign.sigPath, signed.der, false);
        out.signature = {
          path: req.sign.sigPath,
          signer: signed.signer,
          fingerprintSha256: signed.fingerprint,
          verify: `openssl cms -verify -binary -inform DER -in ${basename(req.sign.sigPath)} -content ${basename(req.htmlPath)} -CAfile <issuing CA>.pem -purpose any -out /dev/null`,
        };
      }
      return out;
    },

    expiry: async (ref: string) => expiryOf(deps.landscapes.get(ref)),
    async expiryAll(): Promise<ExpiryItem[]> {
      const all: ExpiryItem[] = [];
      for (const { id } of deps.landscapes.list()) all.push(...(await expiryOf(deps.landscapes.get(id))));
      return all.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || a.landscape.localeCompare(b.landscape) || a.title.localeCompare(b.title));
    },
    expiryCalendar,
    writeCalendar(items: ExpiryItem[], outPath: string): { path: string; events: number } {
      const ics = expiryCalendar(items);
      writeExport(deps.dataDir, outPath, ics, false);
      return { path: outPath, events: (ics.match(/^BEGIN:VEVENT/gm) ?? []).length };
    },
    ...createHandoverPack(deps),
  };

  async function printPdf(html: string): Promise<Buffer> {
    if (!deps.printPdf) throw new AppError('PDF_UNAVAILABLE', 'No browser to print the PDF with was found: install Chromium (or set CHROMIUM_PATH), or leave out the PDF.', 'pdfPath');
    try {
      return await deps.printPdf(html);
    } catch (e) {
      throw new AppError('PDF_FAILED', `The PDF could not be printed: ${e instanceof Error ? e.message.split('\n')[0] : 'unknown error'}.`, 'pdfPath');
    }
  }

  async function signReport(content: Buffer, ref: string): Promise<{ der: Buffer; signer: string; fingerprint: string }> {
    const meta = await resolveCredential(deps.vault, ref, ['client-certificate'], 'sign');
    const chain = meta.certificateChainPem ?? [];
    if (!chain.length) throw new AppError('NO_CERTIFICATE', `"${meta.label}" has no certificate to sign with.`, 'sign');
    const { privateKeyPem } = await deps.vault.readSecret(meta.id);
    if (!privateKeyPem) throw new AppError('NO_KEY', `"${meta.label}" has no private key in the vault.`, 'sign');
    try {
      return { der: signDetachedCms({ content, privateKeyPem, chainPem: chain, signingTime: deps.now() }), signer: meta.subject ?? meta.label, fingerprint: meta.fingerprints?.sha256 ?? '' };
    } catch (e) {
      throw new AppError('SIGN_FAILED', `The report could not be signed with "${meta.label}": ${e instanceof Error ? e.message : 'unknown error'}.`, 'sign');
    }
  }
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
