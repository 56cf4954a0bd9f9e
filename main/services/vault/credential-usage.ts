/**
 * "Pathways using it": which landscape pathways and modelled keystore entries refer to each
 * credential. Derived from the landscapes on every call (landscapes hold the credential id), so it
 * can never disagree with them.
 */
import type { CredentialUsage } from '../../../shared/vault/credential-responses';

interface LandscapeLike {
  id: string;
  name: string;
  systems: Array<{ id: string; name: string }>;
  pathways: Array<{ number: number; from: string; to: string; credentialId?: string }>;
  ciKeystore: Array<{ alias: string; credentialId?: string }>;
}

export interface LandscapeSource {
  list(): Array<{ id: string }>;
  get(ref: string): LandscapeLike;
}

export function collectCredentialUsage(landscapes: LandscapeSource | undefined): Record<string, CredentialUsage[]> {
  const usage: Record<string, CredentialUsage[]> = {};
  const add = (id: string | undefined, entry: CredentialUsage) => {
    if (id) (usage[id] ??= []).push(entry);
  };
  if (!landscapes) return usage;
  for (const { id } of landscapes.list()) {
    const l = landscapes.get(id);
    const nameOf = (systemId: string) => l.systems.find((s) => s.id === systemId)?.name ?? systemId;
    for (const p of l.pathways) {
      add(p.credentialId, { landscapeId: l.id, landscapeName: l.name, what: `pathway ${p.number}: ${nameOf(p.from)} → ${nameOf(p.to)}` });
    }
    for (const e of l.ciKeystore) add(e.credentialId, { landscapeId: l.id, landscapeName: l.name, what: `CI keystore alias ${e.alias}` });
  }
  return usage;
}
