/**
 * The TLS handshake of a probe: SNI, any protocol the peer offers (so a TLS 1.0-only server is
 * reported instead of just failing), an empty trust store (so the chain is exactly what the server
 * sent; trust is judged afterwards against the sets we choose), and the pathway's client
 * certificate when there is one.
 */
import { isIP, type Socket } from 'node:net';
import { connect as tlsConnect, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import type { ProbeContext } from '../engine-types';
import { isSelfSigned, peerChain, summarize } from './certificates';
import { guardSocket, waitFor } from '../net/socket-io';

export interface ClientCertificate {
  keyPem: string;
  /** Leaf first, then intermediates. */
  chainPem: string;
  passphrase?: string;
}

export interface HandshakeResult {
  socket: TLSSocket;
  protocol: string;
  cipher: string;
  /** The server's ephemeral key (DH / ECDH) when the key exchange has one. */
  ephemeral?: { type: string; size: number };
  chain: X509Certificate[];
}

const CONTEXT_OPTIONS = { ca: [] as string[], minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' };
let sharedContext: SecureContext | undefined;

/** Without a client certificate every probe can share one context (saves building it per probe). */
function contextFor(client: ClientCertificate | undefined): SecureContext {
  if (client) return createSecureContext({ ...CONTEXT_OPTIONS, key: client.keyPem, cert: client.chainPem, passphrase: client.passphrase });
  sharedContext ??= createSecureContext(CONTEXT_OPTIONS);
  return sharedContext;
}

export async function handshake(
  ctx: ProbeContext,
  tcp: Socket,
  host: string,
  options: { clientCertificate?: ClientCertificate; alpn?: string[] } = {},
): Promise<HandshakeResult> {
  return ctx.step('tls', 'TLS handshake', async (mark) => {
    const client = options.clientCertificate;
    if (client?.passphrase) ctx.secret(client.passphrase);
    const socket = guardSocket(
      tlsConnect({
        socket: tcp,
        servername: isIP(host) ? undefined : host,
        rejectUnauthorized: false,
        secureContext: contextFor(client),
        ...(options.alpn ? { ALPNProtocols: options.alpn } : {}),
      }),
      ctx.signal,
    );
    // Errors reach the probe through its readers (waitFor, readMessage). When the probe ends mid-handshake
    // (cancel, deadline), the TCP socket under this one may close first and the TLS socket then reports
    // "disconnected before secure TLS connection" with no reader left: an unheard 'error' would crash the process.
    socket.on('error', () => undefined);
    await waitFor(socket, 'secureConnect', ctx.signal);
    const protocol = socket.getProtocol() ?? 'unknown';
    const cipher = socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? 'unknown';
    const chain = peerChain(socket);
    const eph = socket.getEphemeralKeyInfo();
    const ephemeral = eph && 'type' in eph && eph.type && eph.size ? { type: eph.type, size: eph.size } : undefined;
    ctx.fact('tlsProtocol', protocol);
    ctx.fact('tlsCipher', cipher);
    ctx.fact('sni', isIP(host) ? '(none: IP address)' : host);
    if (client) ctx.fact('clientCertificate', summarize(chainLeaf(client.chainPem)).subject);
    // A root the server sends travels with its PEM (public), so the result can offer “Add to keystore”.
    ctx.setChain(chain.map((c) => ({ ...summarize(c), ...(isSelfSigned(c) ? { pem: c.toString() } : {}) })));
    ctx.log(`TLS ${protocol} ${cipher}; server sent ${chain.length} certificate(s)`);
    chain.forEach((c, i) => ctx.log(`  [${i}] ${c.subject.replace(/\n/g, ', ')} (issuer ${c.issuer.replace(/\n/g, ', ')})`));
    mark.detail(`${protocol}, ${cipher}, ${chain.length} certificate(s)`);
    return { socket, protocol, cipher, chain, ...(ephemeral ? { ephemeral } : {}) };
  });
}

function chainLeaf(pem: string): X509Certificate {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0] ?? pem;
  return new X509Certificate(block);
}
