/**
 * An ssh2 Server on loopback for what sshd cannot do here without a system user: password login
 * and dual (public key AND password) authentication, and a server offering only deprecated
 * algorithms for the negotiation failure. It implements just enough SFTP to say it has none.
 */
import { Server, utils, type Algorithms, type Connection } from 'ssh2';
import { timingSafeEqual } from 'node:crypto';

export interface Ssh2PeerOptions {
  user: string;
  password: string;
  /** 'password' | 'dual' (publickey then password). */
  mode: 'password' | 'dual';
  /** The one public key accepted in dual mode (OpenSSH line). */
  authorizedKey?: string;
  algorithms?: Algorithms;
  hostKeyType?: 'ed25519' | 'rsa';
}

export interface Ssh2Peer {
  port: number;
  hostKeyLine: string;
  /** Password attempts the server saw (to prove the canary never reaches a refused host). */
  passwordAttempts: number;
  stop(): Promise<void>;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startSsh2Server(opts: Ssh2PeerOptions): Promise<Ssh2Peer> {
  const type = opts.hostKeyType ?? 'ed25519';
  const pair = utils.generateKeyPairSync(type, type === 'rsa' ? { bits: 2048 } : {});
  const hostPub = utils.parseKey(pair.public);
  if (hostPub instanceof Error) throw hostPub;
  const allowed = opts.authorizedKey ? utils.parseKey(opts.authorizedKey) : undefined;
  if (allowed instanceof Error) throw allowed;
  const peer: Ssh2Peer = {
    port: 0,
    hostKeyLine: `${hostPub.type} ${hostPub.getPublicSSH().toString('base64')}`,
    passwordAttempts: 0,
    stop: async () => {},
  };
  const server = new Server({ hostKeys: [pair.private], algorithms: opts.algorithms }, (conn: Connection) => {
    let keyOk = false;
    conn.on('error', () => {});
    conn.on('authentication', (ctx) => {
      if (ctx.username !== opts.user) return ctx.reject(opts.mode === 'dual' && !keyOk ? ['publickey'] : ['password']);
      if (opts.mode === 'dual' && !keyOk) {
        if (ctx.method !== 'publickey' || !allowed) return ctx.reject(['publickey']);
        const match = ctx.key.algo === allowed.type && ctx.key.data.equals(allowed.getPublicSSH());
        if (!match) return ctx.reject(['publickey']);
        if (!ctx.signature) return ctx.accept();
        if (allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) !== true) return ctx.reject(['publickey']);
        keyOk = true;
        return ctx.reject(['password'], true);
      }
      if (ctx.method !== 'password') return ctx.reject(['password']);
      peer.passwordAttempts++;
      return same(ctx.password, opts.password) ? ctx.accept() : ctx.reject(['password']);
    });
    conn.on('ready', () => conn.on('session', (accept) => accept().on('sftp', (_a, reject) => reject())));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  peer.port = (server.address() as { port: number }).port;
  peer.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return peer;
}
