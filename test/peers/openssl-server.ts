/**
 * `openssl s_server` as an odd TLS peer: TLS 1.0 only, an expired or wrong-host certificate, or a
 * server that does not send its intermediates. Started by the test, stopped in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './ports';
import type { Issued, TestPki } from './pki';
import { stopAtFileEnd } from './stop-at-file-end';

export interface OpensslServerOptions {
  pki: TestPki;
  leaf: Pick<Issued, 'certPem' | 'keyPem'>;
  /** The certificates sent after the leaf, in this order (overrides sendIntermediate / sendRoot). */
  chain?: string[];
  /** Only this protocol version. */
  only?: 'tls1' | 'tls1_1' | 'tls1_2' | 'tls1_3';
  /** OpenSSL cipher list (TLS ≤ 1.2). */
  cipher?: string;
  /** DH parameters file for DHE ciphers. */
  dhparam?: string;
  /** Send the intermediate along with the leaf (a correct server); false = incomplete chain. */
  sendIntermediate?: boolean;
  /** Also send the root. */
  sendRoot?: boolean;
  tls10Only?: boolean;
  /** Allow weak material (SHA-1 certificates): OpenSSL security level 0. */
  lowSecurity?: boolean;
}

export interface RunningPeer {
  port: number;
  stop(): Promise<void>;
}

let counter = 0;

export async function startOpensslServer(o: OpensslServerOptions): Promise<RunningPeer> {
  const port = await freePort();
  const id = ++counter;
  const cert = o.pki.write(`s${id}-cert.pem`, o.leaf.certPem);
  const key = o.pki.write(`s${id}-key.pem`, o.leaf.keyPem);
  const args = ['s_server', '-accept', `127.0.0.1:${port}`, '-cert', cert, '-key', key, '-www', '-quiet', '-naccept', '1000'];
  const extra = o.chain ?? [...(o.sendIntermediate !== false ? [o.pki.intermediate.certPem] : []), ...(o.sendRoot ? [o.pki.root.certPem] : [])];
  if (extra.length) args.push('-cert_chain', o.pki.write(`s${id}-chain.pem`, extra.join('')));
  const only = o.only ?? (o.tls10Only ? 'tls1' : undefined);
  if (only) args.push(`-${only}`);
  if (o.cipher) args.push('-cipher', o.cipher);
  else if (only === 'tls1' || only === 'tls1_1' || o.lowSecurity) args.push('-cipher', 'DEFAULT@SECLEVEL=0');
  // After -cipher: its security level decides whether small DH parameters load.
  if (o.dhparam) args.push('-dhparam', o.dhparam);
  const child: ChildProcess = spawn('openssl', args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`exited with ${code}`))));
  exited.catch(() => undefined);
  try {
    await Promise.race([waitForPort(port), exited]);
  } catch (e) {
    child.kill();
    throw new Error(`openssl s_server did not start: ${stderr} ${(e as Error).message}`);
  }
  return {
    port,
    stop: stopAtFileEnd(() =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      })),
  };
}
