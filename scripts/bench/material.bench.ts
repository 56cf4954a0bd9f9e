/**
 * Security-material benchmarks, each beside a reference measured in the same run (medians):
 * RSA-2048 key + CSR in process vs `openssl req -newkey rsa:2048 -nodes` (a whole openssl process,
 * which is what a consultant would otherwise run), the same for EC P-256, and PKCS#12 build and read
 * vs `openssl pkcs12 -export` / `openssl pkcs12 -in`. Benchmarks print; tests never time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCsr } from '../../main/services/material/csr';
import { generateKey, type KeyType } from '../../main/services/material/key-pairs';
import { buildPkcs12 } from '../../main/services/material/pkcs12-build';
import { readPkcs12 } from '../../main/services/material/pkcs12-read';
import { readCertificates } from '../../main/services/material/cert-read';

export interface MaterialBenchRow {
  name: string;
  ours_ms: number;
  reference_ms: number;
  ratio: number;
  goal?: string;
}

const RUNS = 9;
const SUBJECT = { cn: 'bench.example.org', o: 'Bench', c: 'DE' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Runs ours and the reference alternately, so both see the same machine load. */
async function compare(name: string, ours: () => unknown, reference: () => unknown, goal?: string): Promise<MaterialBenchRow> {
  await ours();
  await reference();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push(await time(ours));
    b.push(await time(reference));
  }
  const row: MaterialBenchRow = { name, ours_ms: median(a), reference_ms: median(b), ratio: median(a) / median(b) };
  if (goal) row.goal = goal;
  return row;
}

export async function benchMaterial(): Promise<MaterialBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-material-'));
  const ossl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const keyCsr = (type: KeyType) => async () => createCsr((await generateKey(type)).privateKeyPem, { subject: SUBJECT, sans: ['bench.example.org'] });
    const subj = '/C=DE/O=Bench/CN=bench.example.org';
    const rows: MaterialBenchRow[] = [];
    rows.push(
      await compare('RSA-2048 key + CSR', keyCsr('rsa-2048'), () => ossl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'r.key'), '-subj', subj, '-out', join(dir, 'r.csr')), '≤ 1.2'),
    );
    rows.push(
      await compare('EC P-256 key + CSR', keyCsr('ec-p256'), () => ossl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'e.key'), '-subj', subj, '-out', join(dir, 'e.csr'))),
    );

    ossl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'c.key'), '-subj', subj, '-days', '30', '-out', join(dir, 'c.pem'));
    const keyPem = readFileSync(join(dir, 'c.key'), 'utf8');
    const chainDer = [readCertificates(readFileSync(join(dir, 'c.pem'), 'utf8'))[0]!.der];
    const password = 'Bench-Pass-42';
    const build = (encryption: 'modern' | 'legacy') => () => buildPkcs12({ privateKeyPem: keyPem, chainDer, alias: 'bench', password, encryption });
    const osslExport = (legacy: boolean) => () =>
      ossl('pkcs12', '-export', ...(legacy ? ['-legacy'] : []), '-inkey', join(dir, 'c.key'), '-in', join(dir, 'c.pem'), '-name', 'bench', '-passout', `pass:${password}`, '-out', join(dir, 'o.p12'));
    rows.push(await compare('PKCS#12 build (modern, AES-256)', build('modern'), osslExport(false)));
    rows.push(await compare('PKCS#12 build (legacy, 3DES/RC2-40)', build('legacy'), osslExport(true)));
    const p12 = build('modern')();
    writeFileSync(join(dir, 'ours.p12'), p12);
    rows.push(await compare('PKCS#12 read (modern)', () => readPkcs12(p12, password), () => ossl('pkcs12', '-in', join(dir, 'ours.p12'), '-passin', `pass:${password}`, '-nodes', '-out', join(dir, 'read.pem'))));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
