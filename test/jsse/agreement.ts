/**
 * The differential run: every matrix case judged by the app's CI profile (the real TLS probe over
 * loopback) and by JSSE (one JVM for all cases), compared. Shared by the matrix test and `npm run bench`.
 */
import { X509Certificate } from 'node:crypto';
import { createProbeEngine } from '../../main/services/probes/engine';
import { createRedactor, silentLogger } from '../../main/services/logger';
import { createTlsRunner } from '../../main/services/probes/tls-probe';
import type { ProbeResult } from '../../shared/probe/probe-types';
import { createTestPki } from '../peers/pki';
import { startMatrix, type RunningCase } from './matrix-peers';
import { askJsse, type OracleAnswer } from './oracle';
import { buildMatrix } from './tls-matrix';

export interface CaseOutcome {
  c: RunningCase;
  jsse: OracleAnswer;
  app: ProbeResult;
  appConnects: boolean;
  agrees: boolean;
  /** Java's own reason (its top message) found in the literal of one of the app's findings. */
  literalAgrees: boolean;
}

export interface Agreement {
  outcomes: CaseOutcome[];
  agreed: number;
  total: number;
  line: string;
}

const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });

/** Java's top message without the exception class, e.g. "PKIX path building failed: …". */
export function javaReason(message: string | undefined): string {
  return (message ?? '').split(' | ')[0]!.replace(/^javax\.net\.ssl\.\w+: /, '');
}

export async function runAgreement(): Promise<Agreement> {
  const pki = await createTestPki();
  const cases = await buildMatrix(pki);
  const { running, stop } = await startMatrix(pki, cases);
  try {
    const jsse = await askJsse(running, pki.dir);
    const outcomes: CaseOutcome[] = [];
    for (const c of running) {
      const ciKeystore = c.keystore.map((pem) => new X509Certificate(pem));
      const app = await engine.run({
        kind: 'tls',
        target: { host: c.host, port: c.port },
        runner: createTlsRunner({ host: c.host, port: c.port, dialAddress: '127.0.0.1', route: { kind: 'direct' }, trust: { local: [], localRole: 'info', ciKeystore } }),
      });
      const answer = jsse.get(c.id) ?? { connects: false, message: 'no answer from the oracle' };
      const appConnects = app.verdict === 'passed' || app.verdict === 'warning';
      const reason = javaReason(answer.message);
      const literalAgrees = answer.connects || app.findings.some((f) => (f.literal ?? '').includes(reason));
      outcomes.push({ c, jsse: answer, app, appConnects, agrees: appConnects === answer.connects, literalAgrees });
    }
    const agreed = outcomes.filter((o) => o.agrees).length;
    return { outcomes, agreed, total: outcomes.length, line: `agreement with JSSE: ${agreed}/${outcomes.length}` };
  } finally {
    await stop();
  }
}
