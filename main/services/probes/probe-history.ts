/**
 * Probe results kept as evidence, per pathway and bounded: time, verdict, route, the chain seen and
 * the findings — never the transcript (it is only shown live) and never a secret (results are
 * redacted by the engine before they get here). Its own document: probe-history.json.
 */
import * as z from 'zod';
import { WHERE_TO_FIX, type ProbeResult } from '../../../shared/probe/probe-types';
import type { Logger } from '../logger';
import { createDocumentStore, type DocumentStore } from '../store/document-store';
import type { StoreBackendFactory } from '../store/store-backend';

export const HISTORY_PER_PATHWAY = 20;

export type HistoryEntry = Omit<ProbeResult, 'transcript'>;

const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  fix: z.string(),
  // The shared list: a place missing here would make the history file invalid (kept aside) on read.
  whereToFix: z.enum(WHERE_TO_FIX),
  field: z.string().optional(),
  literal: z.string().optional(),
});
const entrySchema = z.object({
  probeId: z.string(),
  kind: z.enum(['tls', 'https', 'sftp', 'smtp', 'ftp', 'imap', 'pop3', 'amqp']),
  target: z.object({ host: z.string(), port: z.number() }),
  verdict: z.enum(['passed', 'warning', 'failed', 'cancelled', 'timed-out', 'not-probed']),
  startedAt: z.string(),
  finishedAt: z.string(),
  steps: z.array(z.object({ id: z.string(), label: z.string(), status: z.string(), startedMs: z.number(), durationMs: z.number().optional(), detail: z.string().optional() })),
  findings: z.array(findingSchema),
  route: z.string().optional(),
  chain: z.array(z.object({ subject: z.string(), issuer: z.string(), notBefore: z.string(), notAfter: z.string(), serialNumber: z.string(), fingerprintSha256: z.string(), selfSigned: z.boolean(), pem: z.string().max(20000).optional() })).optional(),
  facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
});
const documentSchema = z.object({ version: z.literal(1), pathways: z.record(z.string(), z.array(entrySchema)) });
type HistoryDocument = z.infer<typeof documentSchema>;

export interface ProbeHistory {
  record(landscapeId: string, pathwayNumber: number, result: ProbeResult): void;
  /** Several results in one write (the document is rewritten whole on every write). */
  recordMany?(results: ReadonlyArray<{ landscapeId: string; pathwayNumber: number; result: ProbeResult }>): void;
  list(landscapeId: string, pathwayNumber: number): HistoryEntry[];
  forLandscape(landscapeId: string): Record<number, HistoryEntry[]>;
}

const keyOf = (landscapeId: string, n: number) => `${landscapeId}#${n}`;

export function createProbeHistory(deps: { backend: StoreBackendFactory; dataDir: string; log: Logger; now: () => Date }): ProbeHistory {
  let store: DocumentStore<HistoryDocument> | undefined;
  const doc = () =>
    (store ??= createDocumentStore<HistoryDocument>({
      backend: deps.backend,
      cwd: deps.dataDir,
      name: 'probe-history',
      migrate: (raw) => raw,
      validate: (d) => {
        const r = documentSchema.safeParse(d);
        return r.success ? { ok: true, value: r.data as HistoryDocument } : { ok: false, reason: r.error.issues[0]?.message ?? 'invalid' };
      },
      empty: () => ({ version: 1, pathways: {} }),
      log: deps.log,
      now: deps.now,
    }));
  const recordMany: NonNullable<ProbeHistory['recordMany']> = (results) => {
    doc().update((d) => {
      for (const { landscapeId, pathwayNumber, result } of results) {
        const { transcript: _t, ...entry } = result;
        const key = keyOf(landscapeId, pathwayNumber);
        d.pathways[key] = [...(d.pathways[key] ?? []), entry as HistoryDocument['pathways'][string][number]].slice(-HISTORY_PER_PATHWAY);
      }
    });
  };
  return {
    record: (landscapeId, pathwayNumber, result) => recordMany([{ landscapeId, pathwayNumber, result }]),
    recordMany,
    list: (landscapeId, n) => [...((doc().read().pathways[keyOf(landscapeId, n)] ?? []) as HistoryEntry[])].reverse(),
    forLandscape(landscapeId) {
      const out: Record<number, HistoryEntry[]> = {};
      for (const [k, v] of Object.entries(doc().read().pathways)) {
        const [id, n] = k.split('#');
        if (id === landscapeId) out[Number(n)] = [...(v as HistoryEntry[])].reverse();
      }
      return out;
    },
  };
}
