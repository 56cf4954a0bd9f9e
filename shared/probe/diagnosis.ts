/**
 * Turns failure codes (and the raw errors Node and OpenSSL throw) into findings with their cause,
 * fix and where to make it. A raw code such as ECONNREFUSED or ERR_SSL_TLSV1_ALERT_UNKNOWN_CA never
 * reaches the user alone: it is mapped to a catalogue entry and kept only as the detail.
 */
import { formatDateTime, javaDate } from '../format/date-format';
import { DIAGNOSIS } from './diagnosis-catalogue';
import type { Finding } from './probe-types';

export type DiagnosisVars = Record<string, string | number | undefined>;

/** `{date}` is given as ISO: the user reads it in the app's one format, the literal in Java's own. */
function fill(template: string, vars: DiagnosisVars, dates: (iso: string) => string = formatDateTime): string {
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const v = vars[name];
    if (v === undefined || v === '') return name === 'error' ? '' : '?';
    return name === 'date' ? dates(String(v)) : String(v);
  });
}

/** The finding for a catalogue code; an unknown code still yields an explained finding. */
export function diagnose(code: string, vars: DiagnosisVars = {}): Finding {
  const entry = DIAGNOSIS[code];
  if (!entry) return diagnose('probe.unexpected', { ...vars, detail: vars.detail ?? code });
  const finding: Finding = {
    code,
    severity: entry.severity,
    message: fill(entry.cause, vars),
    fix: fill(entry.fix, vars),
    whereToFix: entry.whereToFix,
  };
  if (entry.field) finding.field = entry.field;
  if (entry.literal) finding.literal = fill(entry.literal, vars, javaDate);
  return finding;
}

/** Raw Node / OpenSSL error codes → catalogue codes. */
const NODE_CODES: Record<string, string> = {
  ECONNREFUSED: 'net.refused',
  ENOTFOUND: 'net.not-found',
  EAI_AGAIN: 'net.not-found',
  EAI_NONAME: 'net.not-found',
  ETIMEDOUT: 'net.timeout',
  ECONNRESET: 'net.reset',
  EPIPE: 'net.reset',
  ECONNABORTED: 'net.reset',
  EHOSTUNREACH: 'net.unreachable',
  ENETUNREACH: 'net.unreachable',
  EADDRNOTAVAIL: 'net.unreachable',
  ERR_SSL_WRONG_VERSION_NUMBER: 'net.not-tls',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'net.not-tls',
  ERR_SSL_HTTP_REQUEST: 'net.not-tls',
  ERR_SSL_RECORD_LAYER_FAILURE: 'net.not-tls',
  ERR_SSL_UNEXPECTED_MESSAGE: 'net.not-tls',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'tls.protocol-mismatch',
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'tls.protocol-mismatch',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'tls.protocol-mismatch',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'tls.protocol-mismatch',
  ERR_SSL_NO_SHARED_CIPHER: 'tls.protocol-mismatch',
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'tls.client-cert-rejected',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'tls.client-cert-rejected',
  ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR: 'tls.client-cert-rejected',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'tls.client-cert-rejected',
  ERR_SSL_TLSV1_ALERT_ACCESS_DENIED: 'tls.client-cert-rejected',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'tls.client-cert-required',
  ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE: 'tls.client-cert-required',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls.missing-intermediate',
  UNABLE_TO_GET_ISSUER_CERT: 'tls.missing-intermediate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls.untrusted-os',
  SELF_SIGNED_CERT_IN_CHAIN: 'tls.untrusted-os',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tls.self-signed',
  CERT_HAS_EXPIRED: 'tls.expired',
  CERT_NOT_YET_VALID: 'tls.not-yet-valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls.hostname-mismatch',
  HOSTNAME_MISMATCH: 'tls.hostname-mismatch',
  ERR_PROBE_NOT_HTTP: 'http.not-http',
  ERR_PROBE_TOO_LARGE: 'http.too-large',
};

/** The catalogue code for a raw error code; `probe.unexpected` (with the raw code as detail) otherwise. */
export function codeForNodeError(rawCode: string | undefined): string {
  if (!rawCode) return 'probe.unexpected';
  if (NODE_CODES[rawCode]) return NODE_CODES[rawCode];
  if (/^ERR_SSL_.*ALERT/.test(rawCode)) return 'tls.handshake-failed';
  if (rawCode.startsWith('ERR_SSL_')) return 'tls.handshake-failed';
  return 'probe.unexpected';
}

/** The explained finding for a raw Node error; the raw code stays visible as detail, never alone. */
export function explainNodeError(rawCode: string | undefined, vars: DiagnosisVars = {}): Finding {
  const code = codeForNodeError(rawCode);
  const finding = diagnose(code, { detail: rawCode ?? 'unknown error', ...vars });
  if (rawCode && !finding.message.includes(rawCode)) finding.message += ` [${rawCode}]`;
  return finding;
}

export function isKnownCode(code: string): boolean {
  return code in DIAGNOSIS;
}
