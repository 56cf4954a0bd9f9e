/**
 * What an HTTP answer means for a pathway, from the side that calls: inbound (the sender calling
 * CI's runtime) or outbound (CI calling the receiver). Includes nginx's way of refusing a client
 * certificate — HTTP 400 after a completed handshake, not a TLS alert. Pure.
 */
import { diagnose } from './diagnosis';
import type { Finding } from './probe-types';

export type Direction = 'inbound' | 'outbound';
export type HttpsAuthKind = 'none' | 'basic' | 'client-certificate' | 'oauth2-client-credentials';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpVerdictInput {
  direction: Direction;
  auth: HttpsAuthKind;
  path: string;
  clientSubject?: string;
}

const NO_CERT_SENT = /No required SSL certificate was sent/i;
const CERT_ERROR = /The SSL certificate error|SSL certificate error|certificate verify failed/i;

export function interpretHttpAnswer(a: HttpAnswer, input: HttpVerdictInput): Finding[] {
  const { status } = a;
  const inbound = input.direction === 'inbound';
  if (status === 400 || status === 495 || status === 496) {
    if (NO_CERT_SENT.test(a.body) || status === 496) {
      return [inbound ? diagnose('inbound.client-cert-rejected') : diagnose('http.client-cert-missing')];
    }
    if (CERT_ERROR.test(a.body) || status === 495 || input.auth === 'client-certificate') {
      return [inbound ? diagnose('inbound.client-cert-rejected') : diagnose('http.client-cert-untrusted', { subject: input.clientSubject })];
    }
    return [diagnose('http.5xx', { status })].map((f) => ({ ...f, severity: 'warning' as const }));
  }
  if (status === 401) {
    if (!inbound) return [diagnose('http.401-outbound')];
    if (input.auth === 'client-certificate') return [diagnose('http.401-inbound-cert')];
    if (input.auth === 'oauth2-client-credentials') return [diagnose('http.401-inbound-oauth')];
    return [diagnose('http.401-inbound-basic')];
  }
  if (status === 403) {
    if ((a.headers['x-csrf-token'] ?? '').toLowerCase() === 'required') return [diagnose('http.403-csrf')];
    return [diagnose(inbound ? 'http.403-inbound' : 'http.403-outbound')];
  }
  if (status === 404) return [diagnose(inbound ? 'http.404-inbound' : 'http.404-outbound', { path: input.path })];
  if (status >= 500) return [diagnose('http.5xx', { status })];
  // The probe does not follow redirects, like CI's HTTP adapter: the configured URL must answer itself.
  if (status >= 300 && status < 400 && status !== 304) return [diagnose('http.redirect', { status, location: (a.headers.location ?? '(no Location header)').slice(0, 300) })];
  return [];
}
