/**
 * The expiry radar and the handover pack on one test landscape (s4-sscv2) holding an item of every
 * source: a CI key pair certificate that expires in 10 days, a certificate from a BTP service key,
 * a key pair still waiting for its certificate, the landscape's CA, the chain a real peer
 * (openssl s_server) presented to a probe, an SSH host-key pin due for re-confirmation, and a PGP
 * key a pathway uses (services.pgp). The .ics is read back by a calendar parser (Debian's
 * python3-icalendar) after an RFC 5545 line check; the pack's files by keytool, openssl,
 * ssh-keygen and sha256sum.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/composition';
import { runCli } from '../../../main/cli/run-cli';
import { expiryCommand } from '../../../main/cli/commands/expiry';
import { handoverCommand } from '../../../main/cli/commands/handover';
import { createEvidenceService } from '../../../main/services/evidence/evidence-service';
import type { ExpiryItem } from '../../../shared/evidence/expiry';
import { startOpensslServer, type RunningPeer } from '../../peers/openssl-server';
import { CLIENT_AUTH, createTestPki, issue, type TestPki } from '../../peers/pki';
import { buildServiceKeys, generatePki } from '../../support/service-key-fixtures';
import { createTestServices, makeHome } from '../../support/test-services';

const NAME = 'Radar Test';
const DAY = 86_400_000;

describe('expiry radar and handover pack', { timeout: 180_000 }, () => {
  let services: Services;
  let pki: TestPki;
  let peer: RunningPeer;
  let home: string;
  let work: string;
  let hostKeyLine: string;
  let items: ExpiryItem[];
  const secrets: string[] = [];
  const cli = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, readStdin: async () => '' }, () => services, [expiryCommand, handoverCommand]);
    return { code, stdout, stderr };
  };

  beforeAll(async () => {
    home = makeHome('landscape-radar-');
    work = mkdtempSync(join(tmpdir(), 'landscape-radar-work-'));
    services = createTestServices(home);
    pki = await createTestPki();
    peer = await startOpensslServer({ pki, leaf: pki.server, sendIntermediate: true });
    const short = await issue({ cn: 'ci-client.example', issuer: pki.intermediate, eku: [CLIENT_AUTH], notAfter: new Date(Date.now() + 10 * DAY) });
    const sender = await issue({ cn: 'sscv2-sender.example', issuer: pki.intermediate, eku: [CLIENT_AUTH] });
    secrets.push(short.keyPem, sender.keyPem);
    const v = services.vault;
    const ciKey = await v.create({ kind: 'client-certificate', label: 'CI key pair for SSCv2', meta: { certificateChainPem: [short.certPem, pki.intermediate.certPem, pki.root.certPem] }, secret: { privateKeyPem: short.keyPem } });
    const senderCert = await v.create({ kind: 'client-certificate', label: 'SSCv2 sender', meta: { certificateChainPem: [sender.certPem, pki.intermediate.certPem] }, secret: { privateKeyPem: sender.keyPem } });
    const svcPki = generatePki();
    secrets.push(svcPki.keyPem);
    const imported = await services.credentialTools.importServiceKey(JSON.stringify(buildServiceKeys(svcPki).certificateWrapped), 'BTP key for S/4');
    const waiting = await services.material.createKeyPair({ type: 'ec-p256', label: 'S/4 key awaiting certificate' });
    const keyDir = mkdtempSync(join(tmpdir(), 'radar-ssh-'));
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(keyDir, 'host'), '-C', '']);
    const [keyType, keyBase64] = readFileSync(join(keyDir, 'host.pub'), 'utf8').trim().split(/\s+/) as [string, string];
    hostKeyLine = `sftp.example.org ${keyType} ${keyBase64}`;
    rmSync(keyDir, { recursive: true, force: true });

    const l = services.landscapes.create({ templateId: 's4-sscv2', name: NAME });
    services.landscapes.update(l.id, {
      caCertificates: [{ label: 'Test root', pem: pki.root.certPem, fingerprintSha256: new X509Certificate(pki.root.certPem).fingerprint256 }],
      ciKeystore: [{ alias: 'sscv2_client', kind: 'key-pair', credentialId: ciKey.id }],
      knownHosts: [hostKeyLine],
      hostKeyTrust: [{ host: 'sftp.example.org', port: 22, keyType, fingerprint: 'SHA256:pinned-for-test', confirmedBy: 'Jane Roe', confirmedHow: 'read out on the phone', confirmedAt: new Date(Date.now() - 360 * DAY).toISOString() }],
    });
    const byNumber = (n: number) => services.landscapes.get(l.id).pathways.find((p) => p.number === n)!;
    const set = (n: number, patch: Record<string, unknown>) => services.landscapes.updatePathway(l.id, byNumber(n).id, patch);
    set(1, { auth: 'client-certificate', credentialId: imported.created[0]!.id });
    set(2, { endpoint: `https://localhost:${peer.port}/api`, keystoreAlias: 'sscv2_client', probe: { deadlineMs: 5000 } });
    set(3, { credentialId: senderCert.id });
    set(4, { auth: 'client-certificate', credentialId: waiting.id });
    await services.pgp.create({ label: 'Radar PGP', userId: 'Radar <radar@acme.example>', expiresDays: 20 });
    await services.pgp.attach({ landscape: NAME, pathway: 2, own: 'Radar PGP', encrypt: false, sign: true });
    await services.probes.start(l.id, 2, () => {}).done;
    const r = await cli(['expiry', NAME, '--json', '--ics', join(work, 'radar.ics')]);
    expect(r.code, r.stderr).toBe(1); // something is within 14 days
    items = JSON.parse(r.stdout).items;
  });
  afterAll(async () => {
    await peer?.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  it('lists an item from each source, soonest first, with the pathway it breaks, the side and what to renew where', () => {
    const sources = new Set(items.map((i) => i.source));
    for (const s of ['vault-certificate', 'vault-key-pair', 'ca-certificate', 'peer-certificate', 'service-key-certificate', 'ssh-host-key-pin', 'pgp-key']) expect(sources, s).toContain(s);
    const days = items.filter((i) => i.daysLeft !== undefined).map((i) => i.daysLeft!);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(items.at(-1)!.source).toBe('vault-key-pair');
    const ci = items.find((i) => i.source === 'vault-certificate')!;
    expect(ci).toMatchObject({ pathways: [2], side: 'ci-keystore', level: 'critical' });
    expect(ci.daysLeft).toBeGreaterThanOrEqual(9);
    expect(ci.renew).toMatch(/Keystore \(alias sscv2_client\)/);
    const svc = items.find((i) => i.source === 'service-key-certificate')!;
    expect(svc).toMatchObject({ pathways: [1], side: 'btp-service-key' });
    expect(svc.renew).toMatch(/Create Service Key/);
    expect(items.find((i) => i.source === 'ssh-host-key-pin')).toMatchObject({ side: 'ci-known-hosts', daysLeft: 4, level: 'critical' });
    const seen = items.filter((i) => i.source === 'peer-certificate');
    expect(seen.map((i) => i.subject)).toContain('CN=localhost, O=Landscape Test');
    expect(seen.every((i) => i.pathways.join() === '2' && i.side === 'peer-system')).toBe(true);
    expect(items.find((i) => i.title === 'CN=Landscape Test Root CA, O=Landscape Test')?.pathways).toContain(2);
    const pgp = items.find((i) => i.source === 'pgp-key')!;
    expect(pgp).toMatchObject({ pathways: [2], side: 'ci-pgp-keyring', level: 'soon' });
    expect(pgp.daysLeft).toBeGreaterThanOrEqual(19);
    expect(pgp.title).toContain('Radar PGP');
  });

  it('--within filters to what is due', async () => {
    const r = await cli(['expiry', NAME, '--within', '14', '--json']);
    const due: ExpiryItem[] = JSON.parse(r.stdout).items;
    expect(due.length).toBeGreaterThanOrEqual(3);
    expect(due.every((i) => i.daysLeft! <= 14)).toBe(true);
    expect((await cli(['expiry', '--all', '--within', '0', '--json'])).code).toBe(0);
  });

  it('writes an .ics that a calendar parser (python3-icalendar) reads: one event with one reminder per dated item', () => {
    const script = String.raw`
import json, sys
from icalendar import Calendar
raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-8')
assert text.endswith('\r\n') and '\n' not in text.replace('\r\n', ''), 'lines must end in CRLF'
assert all(len(l.encode()) <= 75 for l in text.split('\r\n')), 'a line is longer than 75 octets'
cal = Calendar.from_ical(raw)
assert cal.name == 'VCALENDAR' and str(cal['VERSION']) == '2.0'
events = []
for e in cal.walk('VEVENT'):
    alarms = e.walk('VALARM')
    events.append({
        'uid': str(e['UID']),
        'summary': str(e['SUMMARY']),
        'start': e.decoded('DTSTART').isoformat(),
        'alarms': len(alarms),
        'action': str(alarms[0]['ACTION']) if alarms else None,
        'trigger_days': alarms[0].decoded('TRIGGER').days if alarms else None,
    })
print(json.dumps(events))
`;
    // Debian's python3 (the package's home), not whatever python3 is first on PATH.
    const r = spawnSync('/usr/bin/python3', ['-c', script, join(work, 'radar.ics')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const events: Array<{ uid: string; summary: string; start: string; alarms: number; action: string; trigger_days: number }> = JSON.parse(r.stdout);
    const dated = items.filter((i) => i.notAfter);
    expect(events).toHaveLength(dated.length);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const e of events) {
      expect(e.alarms).toBe(1);
      expect(e.action).toBe('DISPLAY');
      expect(e.trigger_days).toBeLessThanOrEqual(0);
      expect(e.start).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
    const ci = events.find((e) => e.summary.includes('CI key pair for SSCv2'))!;
    const ciItem = items.find((i) => i.source === 'vault-certificate')!;
    expect(ci.start.slice(0, 10)).toBe(ciItem.notAfter!.slice(0, 10));
    expect(events.some((e) => e.summary.includes('Radar PGP'))).toBe(true);
  });

  it('takes further sources through the hook', async () => {
    const pgp: ExpiryItem = { id: 'pgp:ABCD', source: 'pgp-key', title: 'PGP key partner@example.org', notAfter: new Date(Date.now() + 20 * DAY).toISOString(), daysLeft: 20, level: 'soon', pathways: [2], side: 'ci-pgp-keyring', renew: 'Extend the key and upload the public keyring', landscape: NAME };
    const evidence = createEvidenceService({ landscapes: services.landscapes, vault: services.vault, history: (id, n) => services.probes.history(id, n), dataDir: home, now: () => new Date(), app: { name: 'x', version: '0' }, expirySources: [services.pgp.expirySource, () => [pgp]] });
    const withPgp = await evidence.expiry(NAME);
    expect(withPgp.map((i) => i.id)).toContain('pgp:ABCD');
    expect(withPgp.length).toBe(items.length + 1);
  });

  it('writes the handover pack: files per place, SHA256SUMS that sha256sum -c accepts, no secret file unless ticked', async () => {
    const dir = join(work, 'pack');
    const r = await cli(['handover', NAME, '--pack', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const files = walk(dir);
    expect(files).toContain('cloud-integration-keystore/test-root.cer');
    expect(files).toContain('cloud-integration-known-hosts/known_hosts');
    expect(files).toContain('btp-cockpit/pathway-3-sap-sales-and-service-cloud-v2-service-key.json');
    expect(files.filter((f) => f.endsWith('.p12'))).toEqual([]);
    expect(out.withheld.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['cloud-integration-keystore/sscv2-client.p12']));
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('## Secret files not included');
    const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(sums.status, sums.stdout + sums.stderr).toBe(0);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'latin1');
      expect(text, f).not.toContain('PRIVATE KEY');
      for (const s of secrets) expect(text, f).not.toContain(s.split('\n')[1]!);
    }
  });

  it("the pack's files are accepted by keytool, openssl and ssh-keygen; a ticked .p12 opens with the vault's password", async () => {
    const dir = join(work, 'pack-ticked');
    const r = await cli(['handover', NAME, '--pack', dir, '--include', 'cloud-integration-keystore/sscv2-client.p12', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const p12 = join(dir, 'cloud-integration-keystore/sscv2-client.p12');
    expect(statSync(p12).mode & 0o077).toBe(0);
    const label = out.p12PasswordLabel as string;
    const password = (await services.vault.readSecret((await services.vault.findByLabel(label))!.id)).passphrase!;
    for (const f of walk(dir)) expect(readFileSync(join(dir, f), 'latin1'), f).not.toContain(password);
    const list = execFileSync('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', p12, '-storepass', password], { encoding: 'utf8' });
    expect(list).toMatch(/Alias name: sscv2_client/);
    expect(list).toMatch(/Entry type: PrivateKeyEntry/);
    expect(list).toMatch(/Certificate chain length: 3/);
    const peerDir = 'sap-sales-and-service-cloud-v2';
    const leaf = execFileSync('openssl', ['x509', '-in', join(dir, peerDir, 'sscv2-client-client-certificate.pem'), '-noout', '-subject', '-fingerprint', '-sha256'], { encoding: 'utf8' });
    expect(leaf).toMatch(/CN ?= ?ci-client\.example/);
    const root = execFileSync('openssl', ['x509', '-in', join(dir, peerDir, 'sscv2-client-root-ca.cer'), '-noout', '-subject'], { encoding: 'utf8' });
    expect(root).toMatch(/CN ?= ?Landscape Test Root CA/);
    const key = JSON.parse(readFileSync(join(dir, 'btp-cockpit/pathway-3-sap-sales-and-service-cloud-v2-service-key.json'), 'utf8'));
    expect(key['key-type']).toBe('certificate_external');
    const fromKey = execFileSync('openssl', ['x509', '-noout', '-subject'], { input: key['X.509'], encoding: 'utf8' });
    expect(fromKey).toMatch(/CN ?= ?sscv2-sender\.example/);
    const instance = JSON.parse(readFileSync(join(dir, 'btp-cockpit/pathway-3-sap-sales-and-service-cloud-v2-service-instance.json'), 'utf8'));
    expect(instance).toEqual({ 'grant-types': ['client_credentials'], 'redirect-uris': [], roles: ['ESBMessaging.send'] });
    const knownHosts = join(dir, 'cloud-integration-known-hosts/known_hosts');
    const found = spawnSync('ssh-keygen', ['-F', 'sftp.example.org', '-f', knownHosts], { encoding: 'utf8' });
    expect(found.status, found.stderr).toBe(0);
    expect(found.stdout).toContain(hostKeyLine.split(' ')[2]);
    expect(spawnSync('ssh-keygen', ['-l', '-f', knownHosts]).status).toBe(0);
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).toBe(0);
  });

  it('refuses to tick a file that is not a secret file of the pack, writing nothing', async () => {
    const dir = join(work, 'pack-bad');
    const r = await cli(['handover', NAME, '--pack', dir, '--include', 'README.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Not a secret file of this pack/);
    expect(existsSync(dir)).toBe(false);
  });
});

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))])).sort();
}
