/**
 * What a consultant types or pastes for the tenant: a runtime host (a bare host, or the service
 * key's `url` pasted whole) and a token URL. Pure, used by the tenant form, the IPC schema and the
 * service-key "apply", so all three store the same thing: the host name alone, lower case, which is
 * what the inbound-host rule compares endpoints with.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function isHostName(host: string): boolean {
  if (host.length > 253) return false;
  if (/^\[[0-9a-f:.]+\]$/.test(host)) return true;
  return host.split('.').every((l) => LABEL.test(l));
}

export function parseRuntimeHost(input: string): Parsed<string> {
  const text = input.trim();
  if (!text) return { ok: true, value: '' };
  if (/\s/.test(text)) return { ok: false, message: 'A host name has no spaces: enter it as in the service key, e.g. acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com.' };
  let host = text;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      host = new URL(text).hostname;
    } catch {
      return { ok: false, message: 'This is not a readable URL: paste the service key’s url, or type the host alone.' };
    }
  } else {
    host = text.replace(/\/.*$/, '').replace(/:\d+$/, '');
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (!isHostName(host)) return { ok: false, message: `"${host}" is not a host name: use letters, digits, dots and hyphens, e.g. acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com.` };
  return { ok: true, value: host };
}

export function parseTokenUrl(input: string): Parsed<string> {
  const text = input.trim();
  if (!text) return { ok: true, value: '' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'Enter the token URL whole, as the service key’s tokenurl gives it: https://…/oauth/token.' };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'The token URL must start with https:// (the service key’s tokenurl).' };
  return { ok: true, value: text };
}
