/**
 * The handover pack: the files of planPack() written into a folder (CLI) or a zip (the app), with
 * README.md (what goes where, the handover checklist) and SHA256SUMS (`sha256sum -c` format) so
 * each place can confirm its file out of band. Secret files are written only when ticked; a .p12
 * is encrypted with a password kept in the vault (one per landscape), never written to the pack.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { buildHandover, renderHandoverMarkdown } from '../../../shared/landscape/handover';
import type { Landscape } from '../../../shared/landscape';
import type { VaultEntryRef } from '../../../shared/landscape/material-needs';
import { AppError } from '../../../shared/result';
import { readCertificates } from '../material/cert-read';
import { writeExport } from '../material/export-file';
import { buildPkcs12 } from '../material/pkcs12-build';
import type { LandscapesPort, VaultPort } from '../material/vault-port';
import { generatePassword } from '../vault/password-generator';
import { planPack, type PlannedFile } from './pack-plan';
import { planPgpFiles } from './pack-plan-pgp';
import type { PgpKeySummary } from '../../../shared/pgp/pgp-types';
import type { PackFileInfo, PackWritten } from '../../../shared/evidence/evidence-responses';

export type { PackFileInfo, PackWritten };

const info = ({ content: _c, ...rest }: PlannedFile): PackFileInfo => rest;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The PGP keys (services.pgp): their list, and keyrings in memory by fingerprint. */
export interface PackPgpPort {
  list(): Promise<PgpKeySummary[]>;
  publicKeyringText(fingerprints: string[]): Promise<string>;
  secretKeyringText(fingerprints: string[], passphrase: string): Promise<string>;
}

export function createHandoverPack(deps: { landscapes: LandscapesPort; vault: VaultPort; dataDir: string; now: () => Date; pgp?: PackPgpPort }) {
  async function packPassword(l: Landscape, what = '.p12 password'): Promise<{ password: string; label: string }> {
    const label = `Handover pack ${l.name} (${what})`;
    const existing = await deps.vault.findByLabel(label);
    if (existing) return { password: (await deps.vault.readSecret(existing.id)).passphrase as string, label };
    const password = generatePassword();
    await deps.vault.create({ kind: 'pkcs12-passphrase', label, secret: { passphrase: password } });
    return { password, label };
  }

  async function materialize(ref: string, include: string[]) {
    const l = deps.landscapes.get(ref);
    const credentials = await deps.vault.list();
    const plan = await planAll(l, credentials);
    const unknown = include.filter((p) => !plan.some((f) => f.path === p && f.confidential));
    if (unknown.length) throw new AppError('INVALID_INPUT', `Not a secret file of this pack: ${unknown.join(', ')}. Tick only files the pack lists as secret.`, 'include');
    const files: Array<{ file: PlannedFile; data: Buffer }> = [];
    let passwordLabel: string | undefined;
    let pgpPassphraseLabel: string | undefined;
    for (const f of plan) {
      if (f.confidential && !include.includes(f.path)) continue;
      if (f.content.type === 'text') files.push({ file: f, data: Buffer.from(f.content.text) });
      else if (f.content.type === 'cert') files.push({ file: f, data: Buffer.from(readCertificates(f.content.pem)[0]!.pem) });
      else if (f.content.type === 'pgp-public') files.push({ file: f, data: Buffer.from(await deps.pgp!.publicKeyringText(f.content.fingerprints)) });
      else if (f.content.type === 'pgp-secret') {
        const { password, label } = await packPassword(l, 'PGP secret keyring passphrase');
        pgpPassphraseLabel = label;
        files.push({ file: f, data: Buffer.from(await deps.pgp!.secretKeyringText(f.content.fingerprints, password)) });
      } else {
        const { password, label } = await packPassword(l);
        passwordLabel = label;
        const meta = await deps.vault.get(f.content.credentialId);
        const chainDer = (meta.certificateChainPem ?? []).flatMap((p) => readCertificates(p).map((c) => c.der));
        const { privateKeyPem } = await deps.vault.readSecret(meta.id);
        files.push({ file: f, data: buildPkcs12({ privateKeyPem: privateKeyPem as string, chainDer, alias: f.content.alias, password }) });
      }
    }
    const withheld = plan.filter((f) => f.confidential && !include.includes(f.path)).map(info);
    const listed = files.map(({ file, data }) => ({ ...info(file), sha256: sha256(data), bytes: data.length }));
    const readme = Buffer.from(readmeOf(l, credentials, listed, withheld, passwordLabel, pgpPassphraseLabel));
    const sums = Buffer.from([...listed.map((f) => `${f.sha256}  ${f.path}`), `${sha256(readme)}  README.md`].join('\n') + '\n');
    const all = [...files.map(({ file, data }) => ({ path: file.path, data, confidential: file.confidential })), { path: 'README.md', data: readme, confidential: false }, { path: 'SHA256SUMS', data: sums, confidential: false }];
    return { all, listed, withheld, passwordLabel, pgpPassphraseLabel };
  }

  async function planAll(l: Landscape, credentials: Awaited<ReturnType<VaultPort['list']>>) {
    return [...planPack(l, credentials), ...(deps.pgp ? planPgpFiles(l, await deps.pgp.list()) : [])];
  }

  const labels = (p12?: string, pgp?: string) => ({ ...(p12 ? { p12PasswordLabel: p12 } : {}), ...(pgp ? { pgpPassphraseLabel: pgp } : {}) });

  return {
    /** The files a pack would hold (secret ones flagged, to be ticked), without their contents. */
    async planPack(ref: string): Promise<PackFileInfo[]> {
      return (await planAll(deps.landscapes.get(ref), await deps.vault.list())).map(info);
    },

    async writePack(input: { landscape: string; dir: string; include?: string[] }): Promise<PackWritten> {
      const { all, listed, withheld, passwordLabel, pgpPassphraseLabel } = await materialize(input.landscape, input.include ?? []);
      const root = resolve(input.dir);
      for (const f of all) {
        const target = join(root, f.path);
        mkdirSync(dirname(target), { recursive: true });
        writeExport(deps.dataDir, target, f.data, f.confidential);
      }
      return { target: root, files: listed, withheld, ...labels(passwordLabel, pgpPassphraseLabel) };
    },

    async writePackZip(input: { landscape: string; zipPath: string; include?: string[] }): Promise<PackWritten> {
      const { all, listed, withheld, passwordLabel, pgpPassphraseLabel } = await materialize(input.landscape, input.include ?? []);
      const folder = `${slugName(deps.landscapes.get(input.landscape).name)}-handover`;
      const zip = zipSync(Object.fromEntries(all.map((f) => [`${folder}/${f.path}`, new Uint8Array(f.data)])), { level: 6, mtime: deps.now() });
      writeExport(deps.dataDir, input.zipPath, Buffer.from(zip), all.some((f) => f.confidential));
      return { target: input.zipPath, files: listed, withheld, ...labels(passwordLabel, pgpPassphraseLabel) };
    },
  };
}

function slugName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'landscape';
}

// The vault's entries say which named material is prepared; without them every name reads MISSING.
function readmeOf(l: Landscape, vault: VaultEntryRef[], files: Array<PackFileInfo & { sha256: string }>, withheld: PackFileInfo[], passwordLabel?: string, pgpLabel?: string): string {
  const lines = [renderHandoverMarkdown(buildHandover(l, vault)).trimEnd(), '', '## Files in this pack', '', 'Confirm each file with its recipient out of band by its SHA-256 (`sha256sum -c SHA256SUMS`).', ''];
  for (const f of files) lines.push(`- \`${f.path}\` → ${f.place}: ${f.purpose} (pathway ${f.pathways.join(', ') || '—'})${f.confidential ? ' **secret**' : ''}`, `  SHA-256 \`${f.sha256}\``);
  if (passwordLabel) lines.push('', `The .p12 password is not in this pack: it is in the consultant's vault as "${passwordLabel}". Pass it on by another channel.`);
  if (pgpLabel) lines.push('', `The PGP secret keyring's passphrase is not in this pack: it is in the consultant's vault as "${pgpLabel}". Give it on upload (Secret Keys); pass it on by another channel.`);
  if (withheld.length) {
    lines.push('', '## Secret files not included', '', 'Not ticked when the pack was made; ask the consultant for them separately:', '');
    for (const f of withheld) lines.push(`- \`${f.path}\` → ${f.place}: ${f.purpose}`);
  }
  return lines.join('\n') + '\n';
}
