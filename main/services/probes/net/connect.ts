/**
 * Opens the TCP connection a probe speaks TLS over: straight to the target, or a CONNECT tunnel
 * through an HTTP proxy. Every socket is guarded by the probe's signal.
 */
import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { ProbeFailure, rawCodeOf } from '../probe-failure';
import { describeRoute, type Route } from './route';
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
      throw new ProbeFailure(diagnose('proxy.unreachable', { proxy: proxyName, detail: rawCodeOf(e) }));
    }
  });
  await ctx.step('proxy', `CONNECT ${host}:${port}`, async (mark) => {
    const basic = route.user ? Buffer.from(`${route.user}:${route.password ?? ''}`).toString('base64') : '';
    if (basic) ctx.secret(basic);
    const auth = basic ? `Proxy-Authorization: Basic ${basic}\r\n` : '';
    socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
    ctx.log(`> CONNECT ${host}:${port} HTTP/1.1${auth ? ' (with Proxy-Authorization)' : ''}`);
    const head = await readMessage(socket, {
      complete: (b) => {
        const i = b.indexOf('\r\n\r\n');
        return i === -1 ? undefined : i + 4;
      },
      maxBytes: 16 * 1024,
      signal: ctx.signal,
    });
    const statusLine = head.toString('latin1').split('\r\n')[0] ?? '';
    ctx.log(`< ${statusLine}`);
    const status = Number(/^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(statusLine)?.[1] ?? 0);
    if (status === 407) throw new ProbeFailure(diagnose('proxy.auth-required', { proxy: proxyName }));
    if (status < 200 || status > 299)
      throw new ProbeFailure(diagnose('proxy.refused', { proxy: proxyName, host, port, status }));
    mark.detail(`tunnel open: ${statusLine}`);
  });
  return socket;
}
