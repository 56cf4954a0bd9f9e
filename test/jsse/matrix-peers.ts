/** Starts one openssl s_server per matrix case (in small batches: 2 shared cores) and stops them all. */
import { startOpensslServer, type RunningPeer } from '../peers/openssl-server';
import type { TestPki } from '../peers/pki';
import type { MatrixCase } from './tls-matrix';

export interface RunningCase extends MatrixCase {
  port: number;
}

export async function startMatrix(pki: TestPki, cases: MatrixCase[]): Promise<{ running: RunningCase[]; stop: () => Promise<void> }> {
  const peers: RunningPeer[] = [];
  const running: RunningCase[] = [];
  const stop = async () => void (await Promise.all(peers.map((p) => p.stop())));
  try {
    for (let i = 0; i < cases.length; i += 8) {
      const batch = cases.slice(i, i + 8);
      const started = await Promise.all(batch.map((c) => startOpensslServer({ pki, ...c.server })));
      started.forEach((p, j) => (peers.push(p), running.push({ ...batch[j]!, port: p.port })));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { running, stop };
}
