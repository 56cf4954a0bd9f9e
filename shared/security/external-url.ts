/**
 * Which links may leave the app for the user's browser (Electron checklist item 15).
 * Pure and tiny so it can be tested against every trick: only https, no credentials in the URL,
 * only hosts on the allowlist (SAP's help and community pages the app links to).
 */
export const EXTERNAL_HOST_ALLOWLIST = [
  'help.sap.com',
  'learning.sap.com',
  'community.sap.com',
  'me.sap.com',
  'launchpad.support.sap.com',
  'api.sap.com',
] as const;

export function isAllowedExternalUrl(value: unknown, allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (url.port && url.port !== '443') return false;
  const host = url.hostname.toLowerCase();
  return allowlist.some((allowed) => host === allowed || host.endsWith('.' + allowed));
}

/** Opens `value` with the injected effect only when the allowlist accepts it. */
export async function openExternalUrl(value: unknown, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isAllowedExternalUrl(value)) return false;
  await open(value as string);
  return true;
}
