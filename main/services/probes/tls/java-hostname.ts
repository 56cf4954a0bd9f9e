/**
 * Java's HTTPS endpoint identification (sun.security.util.HostnameChecker, TYPE_TLS), which CI's
 * HTTP-based adapters apply: an IP address matches iPAddress SANs only; a name matches dNSName
 * SANs, and the subject's CN only when there is no dNSName SAN; a wildcard stands for part or all
 * of the left-most label only. Returns Java's own message when it refuses.
 */
import { isIP } from 'node:net';
import type { X509Certificate } from 'node:crypto';
import { altNames, commonName } from './cert-facts';

export function javaHostnameRefusal(cert: X509Certificate, host: string): string | undefined {
  const san = altNames(cert);
  if (isIP(host)) {
    if (!san.present) return 'No subject alternative names present';
    const want = normalizeIp(host);
    return san.ip.some((ip) => normalizeIp(ip) === want) ? undefined : `No subject alternative names matching IP address ${host} found`;
  }
  const name = host.toLowerCase().replace(/\.$/, '');
  if (san.dns.length) return san.dns.some((t) => matches(name, t)) ? undefined : `No subject alternative DNS name matching ${host} found.`;
  const cn = commonName(cert);
  return cn !== undefined && matches(name, cn) ? undefined : `No name matching ${host} found`;
}

function matches(name: string, template: string): boolean {
  const t = template.toLowerCase().replace(/\.$/, '');
  if (!t.includes('*')) return name === t;
  if (illegalWildcard(t)) return false;
  const [tFirst, ...tRest] = t.split('.');
  const [nFirst, ...nRest] = name.split('.');
  if (tRest.join('.') !== nRest.join('.') || nFirst === undefined || tFirst === undefined) return false;
  const pattern = new RegExp(`^${tFirst.split('*').map(escape).join('[^.]*')}$`);
  return pattern.test(nFirst);
}

/** "*", "*." and a wildcard outside the left-most label, or with no dot after it, never match. */
function illegalWildcard(t: string): boolean {
  if (t === '*' || t === '*.') return true;
  const afterLast = t.slice(t.lastIndexOf('*') + 1);
  return !afterLast.includes('.') || t.indexOf('*') > t.indexOf('.');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function normalizeIp(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  // Expand :: and drop leading zeros, so equal IPv6 addresses compare equal as text.
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const mid = ip.includes('::') ? Array(8 - h.length - t.length).fill('0') : [];
  return [...h, ...mid, ...t].map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}
