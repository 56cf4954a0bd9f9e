/**
 * One HTTP/1.1 request over an open (TLS) socket, read with a size bound and the probe's signal.
 * Hand-written rather than node:https so the probe controls the socket it already judged (chain,
 * client certificate, route) and every byte of the deadline. Credentials go out, never into the log.
 */
import type { Socket } from 'node:net';
import type { ProbeContext } from '../engine-types';
import { readMessage } from '../net/socket-io';

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST';
  host: string;
  port: number;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

const MAX_RESPONSE = 256 * 1024;
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-csrf-token']);

export async function exchange(ctx: ProbeContext, socket: Socket, req: HttpRequest): Promise<HttpResponse> {
  const hostHeader = req.port === 443 ? req.host : `${req.host}:${req.port}`;
  const headers: Record<string, string> = {
    Host: hostHeader,
    'User-Agent': 'landscape-setup-probe',
    Accept: '*/*',
    Connection: 'close',
    ...(req.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(req.body)) } : {}),
    ...req.headers,
  };
  const head = [`${req.method} ${req.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  ctx.log(`> ${req.method} ${req.path} HTTP/1.1`);
  for (const [k, v] of Object.entries(headers)) {
    ctx.log(`> ${k}: ${SECRET_HEADERS.has(k.toLowerCase()) ? `${v.split(' ')[0]} [redacted]` : v}`);
  }
  socket.write(`${head}\r\n\r\n${req.body ?? ''}`);
  const raw = await readMessage(socket, { complete: (b, ended) => responseLength(b, ended, req.method === 'HEAD'), maxBytes: MAX_RESPONSE, signal: ctx.signal });
  const res = parseResponse(raw);
  ctx.log(`< HTTP ${res.status} ${res.statusText}`);
  for (const [k, v] of Object.entries(res.headers)) ctx.log(`< ${k}: ${SECRET_HEADERS.has(k) ? '[redacted]' : v}`);
  return res;
}

/** Bytes of a complete response in `b`, or undefined while more is needed. */
export function responseLength(b: Buffer, ended: boolean, isHead: boolean): number | undefined {
  const end = b.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const bodyStart = end + 4;
  const head = b.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head)?.[1] ?? 0);
  if (isHead || status === 204 || status === 304 || (status >= 100 && status < 200)) return bodyStart;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const total = bodyStart + Number(length[1]);
    return b.length >= total ? total : ended ? b.length : undefined;
  }
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
    const i = b.indexOf('\r\n0\r\n\r\n', bodyStart - 2);
    return i !== -1 ? i + 7 : ended ? b.length : undefined;
  }
  return ended ? b.length : undefined;
}

export function parseResponse(raw: Buffer): HttpResponse {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end === -1 ? raw.length : end).toString('latin1');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s*(.*)$/.exec(statusLine);
  if (!m) throw Object.assign(new Error('not an HTTP response'), { code: 'ERR_PROBE_NOT_HTTP' });
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  let body = end === -1 ? '' : raw.subarray(end + 4).toString('utf8');
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status: Number(m[1]), statusText: m[2] ?? '', headers, body };
}

function dechunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const nl = rest.indexOf('\r\n');
    if (nl === -1) return out;
    const size = parseInt(rest.slice(0, nl), 16);
    if (!size) return out;
    out += rest.slice(nl + 2, nl + 2 + size);
    rest = rest.slice(nl + 2 + size + 2);
  }
}
