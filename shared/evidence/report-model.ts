/**
 * The evidence report as data (its JSON twin is exactly this): every pathway's direction,
 * protocol, authentication, the route its last probe took, verdict, steps, findings with the fix
 * and where to make it, the certificate chain seen, plus who produced it, when and with which
 * app version. Pure and secret-free: it is built from the landscape model, the probe history
 * (already redacted) and the expiry radar.
 */
import { viewPathways, type Landscape } from '../landscape';
import { PROTOCOL_LABELS, AUTH_LABELS, ADAPTER_LABELS } from '../landscape/vocabulary';
import { lastConclusive } from '../probe/edge-state';
import type { CertificateSummary, Finding, ProbeResult, ProbeStep, Verdict } from '../probe/probe-types';
import type { ExpiryItem } from './expiry';

export type HistoryResult = Omit<ProbeResult, 'transcript'>;

export const REPORT_FORMAT = 'landscape-setup/evidence-report@1';

export interface EvidencePathway {
  number: number;
  from: string;
  to: string;
  direction: 'inbound' | 'outbound' | 'undetermined';
  protocol: string;
  adapter: string;
  authentication: string;
  endpoint: string;
  verdict: Verdict | 'not-probed';
  probedAt?: string;
  target?: string;
  route?: string;
  steps: ProbeStep[];
  /** The last probe's findings, then the model's own findings not already among them. */
  findings: Finding[];
  chain: CertificateSummary[];
  facts: Record<string, string | number | boolean | string[]>;
}

export interface EvidenceReport {
  format: typeof REPORT_FORMAT;
  title: string;
  landscape: { name: string; customer: string; stage: string; tenant: string; runtimeHost: string };
  generatedAt: string;
  app: { name: string; version: string };
  consultant: { name: string; note: string };
  summary: Record<'passed' | 'warning' | 'failed' | 'notProbed', number>;
  pathways: EvidencePathway[];
  expiry: ExpiryItem[];
}

export interface ReportInput {
  landscape: Landscape;
  /** Per pathway number, newest first (as the probe history returns it). */
  history: Record<number, HistoryResult[]>;
  expiry: ExpiryItem[];
  generatedAt: Date;
  app: { name: string; version: string };
  consultant?: { name?: string; note?: string };
}

export function buildEvidenceReport(input: ReportInput): EvidenceReport {
  const { landscape } = input;
  const pathways = viewPathways(landscape).map((view): EvidencePathway => {
    const last = lastConclusive(input.history[view.number] ?? []);
    const probeFindings = last?.findings ?? [];
    const seen = new Set(probeFindings.map((f) => f.code));
    return {
      number: view.number,
      from: view.from,
      to: view.to,
      direction: view.direction ?? 'undetermined',
      protocol: PROTOCOL_LABELS[view.protocol],
      adapter: ADAPTER_LABELS[view.adapter],
      authentication: AUTH_LABELS[view.auth],
      endpoint: view.endpoint,
      verdict: last?.verdict ?? 'not-probed',
      ...(last ? { probedAt: last.finishedAt, target: `${last.target.host}:${last.target.port}` } : {}),
      ...(last?.route ? { route: last.route } : {}),
      steps: last?.steps ?? [],
      findings: [...probeFindings, ...view.findings.filter((f) => !seen.has(f.code))],
      chain: last?.chain ?? [],
      facts: last?.facts ?? {},
    };
  });
  const count = (v: EvidencePathway['verdict'][]) => pathways.filter((p) => v.includes(p.verdict)).length;
  return {
    format: REPORT_FORMAT,
    title: `Evidence report: ${landscape.name}`,
    landscape: {
      name: landscape.name,
      customer: landscape.customer,
      stage: landscape.stage,
      tenant: landscape.tenant.name,
      runtimeHost: landscape.tenant.runtimeHost,
    },
    generatedAt: input.generatedAt.toISOString(),
    app: input.app,
    consultant: { name: input.consultant?.name?.trim() ?? '', note: input.consultant?.note?.trim() ?? '' },
    summary: {
      passed: count(['passed']),
      warning: count(['warning']),
      failed: count(['failed', 'timed-out']),
      notProbed: count(['not-probed', 'cancelled']),
    },
    pathways,
    expiry: input.expiry,
  };
}
