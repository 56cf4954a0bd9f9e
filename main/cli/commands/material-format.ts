/** Text formatting shared by the material commands (keys, csr, cert, p12, ssh-key, known-hosts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CertFinding } from '../../../shared/certs/finding';
import type { PairingResult } from '../../../shared/certs/material-responses';
import { AppError } from '../../../shared/result';
import { UsageError, type ParsedArgs } from '../command';

export function formatFindings(findings: CertFinding[]): string {
  if (findings.length === 0) return 'no findings';
  return findings.map((f) => `${f.severity.toUpperCase().padEnd(7)} ${f.code}: ${f.message}\n        fix: ${f.fix}\n        where: ${f.whereToFix}`).join('\n');
}

export function formatPairing(r: PairingResult): string {
  return [
    `stored "${r.credential.label}" (${r.credential.id}) as a client certificate`,
    ...r.chain.map((c, i) => `  ${i === 0 ? 'leaf' : i === r.chain.length - 1 && c.facts.selfSigned ? 'root' : 'ca  '}  ${c.facts.subject}  (until ${c.facts.notAfter.slice(0, 10)})`),
    r.complete ? 'chain complete' : `chain incomplete: missing the certificate of "${r.missingIssuer}"`,
    ...(r.unused.length ? [`not part of the chain: ${r.unused.join('; ')}`] : []),
    formatFindings(r.findings),
  ].join('\n');
}

/** A path from argv is the user's own hand; relative paths are taken from the working directory. */
export function outPath(args: ParsedArgs, flag = 'out'): string {
  const v = args.flags[flag];
  if (typeof v !== 'string') throw new UsageError(`--${flag} FILE is required`);
  return resolve(v);
}

export function readInputFile(file: string | undefined, what = 'FILE'): Buffer {
  if (!file) throw new UsageError(`${what} is required`);
  try {
    return readFileSync(resolve(file));
  } catch (e) {
    throw new AppError('READ_FAILED', `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'file');
  }
}

export function asCertInput(data: Buffer): string | Uint8Array {
  return data.includes('-----BEGIN') ? data.toString('utf8') : data;
}
