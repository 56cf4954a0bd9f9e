/**
 * The words of one adapter: its address split into host / port / path, its authentication, proxy
 * type and mail protection normalised from the spellings Cloud Integration's adapter versions use.
 */

export interface AddressParts {
  host: string;
  port: number | null;
  path: string;
}

export function splitAddress(address: string): AddressParts {
  const a = address.trim();
  if (!a) return { host: '', port: null, path: '' };
  if (a.startsWith('/')) return { host: '', port: null, path: a };
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d{1,5}))?([^?#]*)/i.exec(a);
  const host = (m?.[1] ?? '').replace(/^\[|\]$/g, '');
  const port = m?.[2] ? Number(m[2]) : null;
  return { host: /\$\{/.test(host) ? '' : host.toLowerCase(), port: port && port <= 65535 ? port : null, path: m?.[3] ?? '' };
}

const AUTH_WORDS: Record<string, string> = {
  basic: 'basic',
  rolebased: 'basic',
  userrole: 'basic',
  clientcertificate: 'client-certificate',
  certificate: 'client-certificate',
  clientcert: 'client-certificate',
  oauth2clientcredentials: 'oauth2-client-credentials',
  oauth2: 'oauth2-client-credentials',
  oauth: 'oauth2-client-credentials',
  principalpropagation: 'principal-propagation',
  none: 'none',
  userpassword: 'password',
  publickey: 'public-key',
  dual: 'dual',
  plainusernamepassword: 'plain',
  plainuserpassword: 'plain',
  plain: 'plain',
  encrypteduserpassword: 'encrypted',
  encryptedusernamepassword: 'encrypted',
  oauth2samlbearerassertion: 'oauth2-saml-bearer',
  oauth20samlbearer: 'oauth2-saml-bearer',
  oauth2authorizationcode: 'oauth2-authorization-code',
};

/** Authentication as one of the words; an unknown spelling is kept, lower-cased. */
export function normaliseAuth(raw: string, fallback: string): string {
  if (!raw.trim()) return fallback;
  const key = raw.toLowerCase().replace(/[^a-z0-9]/g, '');
  return AUTH_WORDS[key] ?? raw.trim().toLowerCase();
}

export type ProxyWord = 'internet' | 'on-premise' | 'manual';

export function normaliseProxy(raw: string): ProxyWord {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (['onpremise', 'sapcc', 'cloudconnector', 'onpremisesapcc'].includes(key)) return 'on-premise';
  if (key === 'manual') return 'manual';
  return 'internet';
}

export type MailProtection = 'off' | 'starttls-mandatory' | 'starttls-optional' | 'smtps';

export function normaliseProtection(raw: string): MailProtection | null {
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (!key) return null;
  if (key === 'off' || key === 'none') return 'off';
  if (key.includes('smtps') || key === 'ssltls') return 'smtps';
  if (key.includes('optional')) return 'starttls-optional';
  if (key.includes('starttls')) return 'starttls-mandatory';
  return null;
}

/** SFTP host-key checking: on unless a setting named like it says off/false/0. */
export function hostKeyVerification(keys: string[], get: (key: string) => string): 'known-hosts' | 'off' {
  for (const key of keys) {
    if (!/hostkey|knownhost|stricthostkey/.test(key)) continue;
    if (/^(off|false|0|no|none|disabled)$/i.test(get(key).trim())) return 'off';
  }
  return 'known-hosts';
}
