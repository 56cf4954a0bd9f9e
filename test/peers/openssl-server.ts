/**
 * `openssl s_server` as an odd TLS peer: TLS 1.0 only, an expired or wrong-host certificate, or a
 * server that does not send its intermediates. Started by the test, stopped in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './ports';
import type { Issued, TestPki } from './pki';

export interface OpensslServerOptions {
  pki: TestPki;
  leaf: Issued;
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
  const extra = [...(o.sendIntermediate !== false ? [o.pki.intermediate.certPem] : []), ...(o.sendRoot ? [o.pki.root.certPem] : [])];
  if (extra.length) args.push('-cert_chain', o.pki.write(`s${id}-chain.pem`, extra.join('')));
  if (o.tls10Only) args.push('-tls1');
  if (o.tls10Only || o.lowSecurity) args.push('-cipher', 'DEFAULT@SECLEVEL=0');
  const child: ChildProcess = spawn('openssl', args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForPort(port);
  } catch (e) {
    child.kill();
    throw new Error(`openssl s_server did not start: ${stderr} ${(e as Error).message}`);
  }
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
