export interface PackageEntry {
  pkg: string;
  probe: string;
}
export type ProvisionPlan =
  | { action: 'none' }
  | { action: 'install'; sudo: boolean; packages: string[] }
  | { action: 'stop'; command: string | undefined; packages: string[] };

export function parsePackageList(text: string): PackageEntry[];
export function missingPackages(entries: PackageEntry[], opts?: { exists?: (p: string) => boolean; path?: string }): string[];
export function installCommand(missing: string[], opts: { root: boolean }): string;
export function provisionPlan(missing: string[], opts: { root: boolean; canSudo: boolean; apt: boolean }): ProvisionPlan;
export function provision(listFile?: URL | string): boolean;
