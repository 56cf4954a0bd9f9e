/**
 * Opens the TCP connection a probe speaks TLS over: straight to the target, or a CONNECT tunnel
 * through an HTTP proxy. Every socket is guarded by the probe's signal.
 */
import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { ProbeFailure, rawCodeOf } from '../probe-failure';
import { describeRoute, type ProxyRoute, type Route } from './route';
import { guardSocket, readMessage, waitFor } from './socket-io';

export async function openTcp(host: string, port: number, signal: AbortSignal): Promise<Socket> {
  const socket = guardSocket(connect({ host, port }), signal);
  socket.setNoDelay(true);
  await waitFor(socket, 'connect', signal);
  return socket;
}

/** Connects along `route` and returns a socket that reaches host:port. */
export async function openRoute(
  ctx: ProbeContext,
  route: Route,
  host: string,
  port: number,
  dialAddress?: string,
): Promise<Socket> {
  ctx.setRoute(describeRoute(route));
  if (route.kind === 'direct') {
    const address =
      dialAddress ??
      (isIP(host)
        ? host
        : await ctx.step('resolve', `Resolve ${host}`, async (mark) => {
            const found = await lookup(host);
            mark.detail(found.address);
            ctx.log(`resolved ${host} to ${found.address}`);
            return found.address;
          }));
    return ctx.step('connect', `Connect to ${host}:${port}`, async (mark) => {
      const socket = await openTcp(address, port, ctx.signal);
      mark.detail(`connected to ${socket.remoteAddress}:${socket.remotePort}`);
      ctx.log(`TCP connected to ${socket.remoteAddress}:${socket.remotePort}`);
      return socket;
    });
  }
  const proxyName = `${route.host}:${route.port}`;
  if (route.password) ctx.secret(route.password);
  const socket = await ctx.step('connect', `Connect to proxy ${proxyName}`, async () => {
    try {
      return await openTcp(route.host, route.port, ctx.signal);
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      throw new ProbeFailure(diagnose('proxy.unreachable', { proxy: proxyName, detail: rawCodeOf(e), source: describeRoute(route).replace(/^proxy \S+ /, '') }));
    }
  });
  await ctx.step('proxy', `CONNECT ${host}:${port}`, async (mark) => {
    const statusLine = await requestTunnel(socket, route, host, port, ctx.signal, (l) => ctx.log(l), (s) => ctx.secret(s));
    mark.detail(`tunnel open: ${statusLine}`);
  });
  return socket;
}

/**
 * Asks the proxy on `socket` for a tunnel to host:port (Basic authentication when the route has a
 * user); resolves with the status line, or throws the finding for the refusal. Reads at most 16 KiB.
 */
export async function requestTunnel(
  socket: Socket,
  route: ProxyRoute,
  host: string,
  port: number,
  signal: AbortSignal,
  log: (line: string) => void,
  secret: (value: string) => void,
): Promise<string> {
  const basic = route.user ? Buffer.from(`${route.user}:${route.password ?? ''}`).toString('base64') : '';
  if (basic) secret(basic);
  const auth = basic ? `Proxy-Authorization: Basic ${basic}\r\n` : '';
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
  log(`> CONNECT ${authority} HTTP/1.1${auth ? ' (with Proxy-Authorization)' : ''}`);
  const head = await readMessage(socket, {
    complete: (b) => {
      const i = b.indexOf('\r\n\r\n');
      return i === -1 ? undefined : i + 4;
    },
    maxBytes: 16 * 1024,
    signal,
    keepRest: true,
  });
  const [statusLine = '', ...headers] = head.toString('latin1').split('\r\n');
  log(`< ${statusLine}`);
  const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
  if (status < 200 || status > 299) throw new ProbeFailure(connectRefusal(status, headers, { proxy: `${route.host}:${route.port}`, host, port, user: route.user }));
  return statusLine;
}

/** A tunnel without probe steps (a second SSH login through the same proxy). */
export async function openTunnel(route: ProxyRoute, host: string, port: number, signal: AbortSignal, log: (line: string) => void, secret: (value: string) => void): Promise<Socket> {
  const socket = await openTcp(route.host, route.port, signal);
  await requestTunnel(socket, route, host, port, signal, log, secret);
  return socket;
}

/** The finding for a CONNECT that did not open: authentication (with the scheme asked for), the proxy's own reach, or a refusal. */
export function connectRefusal(status: number, headers: string[], at: { proxy: string; host: string; port: number; user?: string | undefined }) {
  const vars = { proxy: at.proxy, host: at.host, port: at.port, status };
  // Some proxies (tinyproxy) answer wrong credentials with 401 and WWW-Authenticate instead of 407.
  if (status === 407 || status === 401) {
    const schemes = authSchemes(headers, status === 407 ? 'proxy-authenticate' : 'www-authenticate');
    const basic = schemes.some((s) => s.toLowerCase() === 'basic');
    if (schemes.length > 0 && !basic) return diagnose('proxy.auth-unsupported', { ...vars, scheme: schemes.join(' or ') });
    if (at.user) return diagnose('proxy.auth-rejected', { ...vars, user: at.user });
    return diagnose('proxy.auth-required', { ...vars, scheme: basic ? 'Basic' : 'its own' });
  }
  if (status >= 500 && status <= 504) return diagnose('proxy.upstream-failed', vars);
  return diagnose('proxy.refused', vars);
}

/** The schemes a proxy offers, in its order, from every challenge header ("NTLM", "Negotiate", "Basic realm=…"). */
export function authSchemes(headers: string[], name: string): string[] {
  const out: string[] = [];
  for (const h of headers.slice(0, 100)) {
    const i = h.indexOf(':');
    if (i < 0 || h.slice(0, i).trim().toLowerCase() !== name) continue;
    // One header may hold several challenges ("Negotiate, NTLM"); a token followed by '=' or a
    // quote is an auth-param ("realm=…"), not a scheme.
    for (const part of h.slice(i + 1).split(',')) {
      const scheme = /^\s*([A-Za-z][\w-]*)(?:\s|$)/.exec(part)?.[1];
      if (scheme && !out.includes(scheme)) out.push(scheme);
    }
  }
  return out;
}
