/**
 * Certificate lint over real material: parses here (main), lints with the pure rules in shared/certs.
 */
import { lintKeystoreUpload } from '../../../shared/certs/keystore-rules';
import { lintCertificate, type CertRole } from '../../../shared/certs/lint-certificate';
import { lintChain } from '../../../shared/certs/lint-chain';
import { lintServiceKeyCerts, type ServiceKeyCert } from '../../../shared/certs/lint-service-keys';
import type { LintReport, MaterialSummary } from '../../../shared/certs/material-responses';
import { readCertificates } from './cert-read';
import type { LandscapesPort, VaultPort } from './vault-port';

export function createLintService(deps: { vault: VaultPort; landscapes: LandscapesPort; now: () => Date }) {
  const now = () => deps.now();

  function lintChainPems(pems: string[], role: CertRole, requireCaSigned: boolean): LintReport {
    const certs = pems.flatMap((p) => readCertificates(p)).map((c) => c.facts);
    if (certs.length === 0) return { certificates: [], findings: [] };
    return { certificates: certs, findings: [...lintCertificate(certs[0]!, { now: now(), role, requireCaSigned }), ...lintChain(certs)] };
  }

  return {
    /** Lints a file's certificates as given: the first is the leaf, the order is checked as it is. */
    lintData(data: string | Uint8Array, opts: { role?: CertRole; requireCaSigned?: boolean } = {}): LintReport {
      const certs = readCertificates(data).map((c) => c.facts);
      const role = opts.role ?? (certs[0]!.isCa ? 'ca' : 'client');
      const findings = [...lintCertificate(certs[0]!, { now: now(), role, requireCaSigned: opts.requireCaSigned ?? role === 'client' }), ...lintChain(certs)];
      for (const extra of certs.slice(1)) findings.push(...lintCertificate(extra, { now: now(), role: 'ca' }));
      return { certificates: certs, findings };
    },

    /** Everything a landscape's pathways rely on: its CAs, modelled keystore, and linked certificates. */
    async lintLandscape(ref: string): Promise<LintReport> {
      const l = deps.landscapes.get(ref);
      const report: LintReport = { certificates: [], findings: [] };
      for (const ca of l.caCertificates) {
        const r = lintChainPems([ca.pem], 'ca', false);
        report.certificates.push(...r.certificates);
        report.findings.push(...r.findings);
      }
      for (const entry of l.ciKeystore) {
        report.findings.push(...lintKeystoreUpload(entry.kind, entry.alias, entry.kind === 'certificate' ? Buffer.byteLength(entry.pem ?? '') : 0));
      }
      // A credential belongs to the landscape when the landscape refers to its id anywhere.
      const text = JSON.stringify(l);
      const linked = (await deps.vault.list()).filter((c) => text.includes(c.id) && c.certificateChainPem?.length);
      const serviceKeyCerts: ServiceKeyCert[] = [];
      for (const c of linked) {
        const r = lintChainPems(c.certificateChainPem!, 'client', true);
        report.certificates.push(...r.certificates);
        report.findings.push(...r.findings.map((f) => ({ ...f, message: `${c.label}: ${f.message}` })));
        if (c.kind === 'service-key' && r.certificates[0]) serviceKeyCerts.push({ label: c.label, facts: r.certificates[0] });
      }
      report.findings.push(...lintServiceKeyCerts(serviceKeyCerts));
      return report;
    },

    /** Keys, certificates (with facts and findings) and SSH keys, for the Certificates view. */
    async listMaterial(): Promise<MaterialSummary> {
      const all = await deps.vault.list();
      const certificates = all
        .filter((c) => c.kind === 'client-certificate')
        .map((credential) => {
          try {
            const pems = credential.certificateChainPem ?? [];
            const facts = pems.length ? readCertificates(pems[0]!)[0]!.facts : null;
            const role: CertRole = facts?.isCa ? 'ca' : 'client';
            return { credential, facts, findings: lintChainPems(pems, role, role === 'client').findings };
          } catch {
            return { credential, facts: null, findings: [] };
          }
        });
      return { keys: all.filter((c) => c.kind === 'key-pair'), certificates, sshKeys: all.filter((c) => c.kind === 'ssh-key') };
    },
  };
}
