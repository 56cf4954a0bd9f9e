/**
 * Reads a PAC file from an http(s) URL or a local file. PAC files come from the customer's
 * network, so the read is bounded: 5 s, 1 MiB, no redirects followed (a redirect is reported).
 */
import { readFile, stat } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { fileURLToPath } from 'node:url';
import { RouteFailure } from './route-failure';

export const PAC_MAX_BYTES = 1024 * 1024;

export async function readPacScript(ref: string, timeoutMs = 5000): Promise<string> {
  if (/^https?:\/\//i.test(ref)) return fetchPac(ref, timeoutMs);
  const path = /^file:\/\//i.test(ref) ? fileURLToPath(ref) : ref;
  try {
    const s = await stat(path);
    if (s.size > PAC_MAX_BYTES) throw new RouteFailure('route.pac-unreadable', { pac: ref, detail: `larger than ${PAC_MAX_BYTES} bytes` });
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof RouteFailure) throw e;
    throw new RouteFailure('route.pac-unreadable', { pac: ref, detail: (e as NodeJS.ErrnoException).code ?? 'cannot read the file' });
  }
}

function fetchPac(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (detail: string) => reject(new RouteFailure('route.pac-unreadable', { pac: url, detail }));
    const get = url.toLowerCase().startsWith('https:') ? httpsGet : httpGet;
    const req = get(url, { timeout: timeoutMs, headers: { accept: 'application/x-ns-proxy-autoconfig, */*' } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        res.resume();
        return fail(`HTTP ${res.statusCode ?? '?'}${res.headers.location ? ` (redirects to ${res.headers.location})` : ''}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > PAC_MAX_BYTES) {
          req.destroy();
          return fail(`larger than ${PAC_MAX_BYTES} bytes`);
        }
        chunks.push(c);
      });
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', (e) => fail(e.message));
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail(`no answer in ${timeoutMs} ms`);
    }, timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('timeout', () => {
      req.destroy();
      fail(`no answer in ${timeoutMs} ms`);
    });
    req.on('error', (e: NodeJS.ErrnoException) => fail(e.code ?? e.message));
  });
}
