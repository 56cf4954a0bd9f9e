/**
 * Integration flows into a landscape, as a plan: the landscape after the import plus what changes
 * (systems added or merged, pathways added, updated with their field differences, unchanged, or no
 * longer in their iFlow). Nothing is written here; the service saves `landscape` only when asked,
 * so a preview and the import are the same computation.
 *
 * Pathways are connections, not adapters: every adapter with the same system, direction, protocol,
 * authentication, credential name, alias and host is one pathway with several sources (a package
 * of twenty iFlows towards one S/4HANA with one credential is one pathway to set up, not twenty).
 */
import type { Landscape, Pathway } from '../landscape/landscape-schema';
import { deriveDirection } from '../landscape/protocols';
import { TENANT_ID } from '../landscape/vocabulary';
import { adapterToPathway, type ImportFinding, type PathwayFields } from './adapter-to-pathway';
import type { AdapterDetail } from './derive-adapters';
import { keepHandEdits } from './keep-edits';
import { guessKind, matchSystem, systemName } from './system-match';

export interface DerivedIflow {
  file: string;
  id: string;
  name: string;
  adapters: AdapterDetail[];
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface PlannedPathway {
  action: 'add' | 'update' | 'unchanged' | 'gone';
  number: number;
  route: string;
  /** Inbound: the sender logs on at CI (BTP cockpit); outbound: CI logs on (Monitor → Manage Security). */
  direction: 'inbound' | 'outbound' | null;
  protocol: string;
  auth: string;
  endpoint: string;
  credentialName: string;
  keystoreAlias: string;
  probed: boolean;
  sources: { iflow: string; adapter: string; type: string }[];
  changes: FieldChange[];
}

export interface ImportPlan {
  landscape: Landscape;
  systems: { name: string; kind: string; host: string; action: 'add' | 'merged' }[];
  pathways: PlannedPathway[];
  internal: { iflow: string; adapter: string; type: string; address: string }[];
  findings: ImportFinding[];
}

export interface PlanContext {
  now: string;
  newId: () => string;
}

const COMPARED = ['from', 'to', 'protocol', 'adapter', 'endpoint', 'auth', 'credentialName', 'keystoreAlias', 'proxy'] as const;

function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return Object.values(v as Record<string, unknown>).filter((x) => x !== '' && x !== undefined).join(' ');
  return String(v);
}

function sameContent(a: Pathway, b: Pathway): boolean {
  const plain = (p: Pathway) => JSON.stringify({ ...p, updatedAt: '' }, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => x.localeCompare(y))) : v));
  return plain(a) === plain(b);
}

function connectionKey(p: Pick<Pathway, 'from' | 'to' | 'protocol' | 'auth' | 'credentialName' | 'keystoreAlias'>, host: string): string {
  return [p.from, p.to, p.protocol, p.auth, p.credentialName ?? '', p.keystoreAlias ?? '', host].join('|');
}

function hostOf(endpoint: string): string {
  return (/^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#]*)/i.exec(endpoint)?.[1] ?? '').toLowerCase();
}

export function planImport(base: Landscape, iflows: DerivedIflow[], ctx: PlanContext): ImportPlan {
  const l: Landscape = structuredClone(base);
  const plan: ImportPlan = { landscape: l, systems: [], pathways: [], internal: [], findings: [] };
  const touched = new Map<string, PlannedPathway>();
  const before = new Map(base.pathways.map((p) => [p.id, p]));
  const seenSources = new Set<string>();
  let next = l.pathways.reduce((m, p) => Math.max(m, p.number), 0) + 1;
  const systemName_ = (id: string) => (id === TENANT_ID ? l.tenant.name || 'Cloud Integration' : (l.systems.find((s) => s.id === id)?.name ?? id));

  for (const iflow of iflows) {
    for (const a of iflow.adapters) {
      if (a.internal) {
        plan.internal.push({ iflow: iflow.name, adapter: a.name, type: a.adapter, address: a.address });
        continue;
      }
      const { fields, findings } = adapterToPathway(a, iflow.name, l.tenant);
      plan.findings.push(...findings);
      let system = matchSystem(l, a);
      if (!system) {
        system = { id: ctx.newId(), name: systemName(a), kind: guessKind(a), ...(a.host && a.direction === 'outbound' ? { host: a.host } : {}) };
        l.systems.push(system);
        plan.systems.push({ name: system.name, kind: system.kind, host: system.host ?? '', action: 'add' });
      } else {
        if (!system.host && a.host && a.direction === 'outbound') system.host = a.host;
        if (!plan.systems.some((s) => s.name === system!.name)) plan.systems.push({ name: system.name, kind: system.kind, host: system.host ?? '', action: base.systems.some((s) => s.id === system!.id) ? 'merged' : 'add' });
      }
      const ends = a.direction === 'inbound' ? { from: system.id, to: TENANT_ID } : { from: TENANT_ID, to: system.id };
      const source = { iflowId: iflow.id, iflow: iflow.name, flowId: a.flowId, adapter: a.name, type: a.adapter };
      seenSources.add(`${iflow.id}|${a.flowId}`);
      // The iFlow is the truth for what it names: a name it no longer carries is cleared.
      const candidate = { ...ends, credentialName: undefined, keystoreAlias: undefined, ...fields } as PathwayFields & typeof ends;
      const key = connectionKey(candidate as Pathway, hostOf(fields.endpoint ?? ''));
      const existing =
        l.pathways.find((p) => p.sources?.some((s) => s.iflowId === iflow.id && s.flowId === a.flowId)) ??
        l.pathways.find((p) => connectionKey(p, hostOf(p.endpoint)) === key) ??
        // A pathway drawn by hand (or from a template) for the same system and direction is filled in, not duplicated.
        l.pathways.find((p) => !p.sources?.length && p.from === ends.from && p.to === ends.to && p.protocol === fields.protocol && !touched.has(p.id));
      if (existing) {
        const planned = touched.get(existing.id);
        if (!planned) {
          const kept = keepHandEdits(existing, candidate, a.unresolved.length > 0 || a.dynamic.length > 0);
          const known = existing.sources?.some((s) => s.iflowId === iflow.id && s.flowId === a.flowId);
          const sources = known ? existing.sources!.map((s) => (s.iflowId === iflow.id && s.flowId === a.flowId ? source : s)) : [...(existing.sources ?? []), source];
          const old = before.get(existing.id);
          const merged = { ...existing, ...kept, sources, updatedAt: ctx.now } as Pathway;
          // Re-importing the same iFlow changes nothing, not even the time stamp.
          if (old && sameContent(old, merged)) merged.updatedAt = old.updatedAt;
          const value = (p: Pathway, f: (typeof COMPARED)[number]) => (f === 'from' || f === 'to' ? systemName_(p[f]) : show(p[f]));
          const changes = old ? COMPARED.map((f) => ({ field: f, before: value(old, f), after: value(merged, f) })).filter((c) => c.before !== c.after) : [];
          l.pathways = l.pathways.map((p) => (p.id === existing.id ? merged : p));
          touched.set(existing.id, { ...describe(merged, a.probed), action: old ? (changes.length ? 'update' : 'unchanged') : 'add', changes });
        } else if (!existing.sources?.some((s) => s.iflowId === iflow.id && s.flowId === a.flowId)) {
          existing.sources = [...(existing.sources ?? []), source];
          planned.sources.push({ iflow: source.iflow, adapter: source.adapter, type: source.type });
        }
        continue;
      }
      const created = { ...candidate, id: ctx.newId(), number: next++, checklistDone: [], sources: [source], updatedAt: ctx.now } as Pathway;
      l.pathways.push(created);
      touched.set(created.id, { ...describe(created, a.probed), action: 'add', changes: [] });
    }
  }
  const reimported = new Set(iflows.map((f) => f.id));
  for (const p of l.pathways) {
    const gone = p.sources?.filter((s) => reimported.has(s.iflowId) && !seenSources.has(`${s.iflowId}|${s.flowId}`)) ?? [];
    if (gone.length && !touched.has(p.id) && gone.length === p.sources?.length) {
      touched.set(p.id, { ...describe(p, p.protocol !== 'other'), action: 'gone', changes: [] });
      plan.findings.push({ severity: 'warning', iflow: gone[0]!.iflow, adapter: gone[0]!.adapter, message: `Pathway ${p.number} is no longer in its iFlow; it is kept. Remove it by hand if the connection is gone.` });
    }
  }
  plan.pathways = [...touched.values()].sort((x, y) => x.number - y.number);
  return plan;

  function describe(p: Pathway, probed: boolean): Omit<PlannedPathway, 'action' | 'changes'> {
    return {
      number: p.number,
      route: `${systemName_(p.from)} → ${systemName_(p.to)}`,
      direction: deriveDirection(p) ?? null,
      protocol: p.protocol,
      auth: p.auth,
      endpoint: p.endpoint ?? '',
      credentialName: p.credentialName ?? '',
      keystoreAlias: p.keystoreAlias ?? '',
      probed,
      sources: (p.sources ?? []).map((s) => ({ iflow: s.iflow, adapter: s.adapter, type: s.type })),
    };
  }
}
