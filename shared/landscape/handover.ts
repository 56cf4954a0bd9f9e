/**
 * The handover: everything that must be created, grouped by the place where it is created (BTP
 * cockpit, Cloud Integration Monitor, then each peer system), with the access rights each place
 * needs and the checklist ticks so far. Pure and secret-free: it is meant to be mailed around.
 */
import type { Landscape } from './landscape-schema';
import { materialNeeds, type MaterialNeed, type VaultEntryRef } from './material-needs';
import { viewPathways } from './pathway-view';
import { PLACE_LABELS, type Place } from './vocabulary';

export interface HandoverItem {
  pathway: number;
  route: string;
  stepId: string;
  title: string;
  detail: string;
  done: boolean;
}

export interface HandoverSection {
  place: Place;
  /** "BTP cockpit", "Cloud Integration (Monitor → Manage Security)", or the peer system's name. */
  where: string;
  accessRights: string[];
  items: HandoverItem[];
}

export interface Handover {
  landscape: string;
  customer: string;
  stage: string;
  sections: HandoverSection[];
  /** Every Credential Name, Private Key Alias and known host by name, prepared in the vault or missing. */
  material: MaterialNeed[];
  open: number;
  done: number;
}

/** `vault`: the vault's entries (id, label, kind) to say which named material is prepared; none → all missing. */
export function buildHandover(landscape: Landscape, vault: VaultEntryRef[] = []): Handover {
  const sections = new Map<string, HandoverSection>();
  for (const view of viewPathways(landscape)) {
    const peer = view.direction === 'inbound' ? view.from : view.to;
    for (const step of view.steps) {
      const where = step.place === 'peer-system' ? peer : PLACE_LABELS[step.place];
      const key = `${step.place}:${where}`;
      const section = sections.get(key) ?? { place: step.place, where, accessRights: [], items: [] };
      for (const right of view.accessRights[step.place] ?? []) if (!section.accessRights.includes(right)) section.accessRights.push(right);
      section.items.push({
        pathway: view.number,
        route: `${view.from} → ${view.to}`,
        stepId: step.id,
        title: step.title,
        detail: step.detail,
        done: step.done,
      });
      sections.set(key, section);
    }
  }
  const order: Place[] = ['btp-cockpit', 'ci-monitor', 'peer-system'];
  const list = [...sections.values()].sort((a, b) => order.indexOf(a.place) - order.indexOf(b.place) || a.where.localeCompare(b.where));
  const items = list.flatMap((s) => s.items);
  return {
    landscape: landscape.name,
    customer: landscape.customer ?? '',
    stage: landscape.stage,
    sections: list,
    material: materialNeeds(landscape, vault),
    open: items.filter((i) => !i.done).length,
    done: items.filter((i) => i.done).length,
  };
}

/** Markdown a consultant can hand to the customer's BTP admin, CI admin and system owners. */
export function renderHandoverMarkdown(h: Handover): string {
  const lines = [
    `# Handover: ${h.landscape}`,
    '',
    `${h.customer ? `Customer: ${h.customer} · ` : ''}Stage: ${h.stage} · ${h.done} done, ${h.open} open`,
  ];
  for (const s of h.sections) {
    lines.push('', `## ${s.where}`, '');
    if (s.accessRights.length) lines.push(`Needs: ${s.accessRights.join('; ')}`, '');
    for (const i of s.items) lines.push(`- [${i.done ? 'x' : ' '}] **${i.title}** (pathway ${i.pathway}: ${i.route}) — ${i.detail}`);
  }
  if (h.material.length) {
    lines.push('', '## Security material by name (Cloud Integration → Monitor → Manage Security)', '');
    const status = { prepared: 'prepared', missing: 'MISSING', conflict: 'CONFLICT' } as const;
    for (const m of h.material) lines.push(`- **${m.name}** (${status[m.status]}, pathway ${m.pathways.join(', ')}) — ${m.needs}. ${m.detail}`);
  }
  return lines.join('\n') + '\n';
}
