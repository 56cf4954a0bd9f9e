/**
 * Runs the JSSE oracle (test/jsse/Oracle.java, Debian's JDK 17, `java Oracle.java`) once over many
 * cases in one JVM and reads what Java said about each.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OracleCase {
  id: string;
  host: string;
  port: number;
  /** PEM certificates of the keystore; empty = an empty keystore. */
  keystore: string[];
}

export interface OracleAnswer {
  connects: boolean;
  protocol?: string;
  cipher?: string;
  /** Java's exception chain when it refused. */
  message?: string;
}

const ORACLE = join(import.meta.dirname, 'Oracle.java');

export async function askJsse(cases: OracleCase[], dir: string): Promise<Map<string, OracleAnswer>> {
  const lines = cases.map((c, i) => {
    const ks = c.keystore.length ? join(dir, `ks-${i}.pem`) : '-';
    if (c.keystore.length) writeFileSync(ks, c.keystore.join('\n'));
    return [c.id, c.host, String(c.port), ks].join('\t');
  });
  const file = join(dir, 'oracle-cases.tsv');
  writeFileSync(file, lines.join('\n') + '\n');
  const out = await new Promise<string>((resolve, reject) => {
    execFile('java', ['-Xshare:auto', '-XX:TieredStopAtLevel=1', ORACLE, file], { timeout: 180_000, maxBuffer: 4 << 20 }, (e, stdout, stderr) =>
      e ? reject(new Error(`java Oracle.java failed: ${stderr || e.message}`)) : resolve(stdout),
    );
  });
  const answers = new Map<string, OracleAnswer>();
  for (const line of out.split('\n')) {
    const [id, status, a, b] = line.split('\t');
    if (!id || !status) continue;
    answers.set(id, status === 'OK' ? { connects: true, protocol: a, cipher: b } : { connects: false, message: a });
  }
  return answers;
}
