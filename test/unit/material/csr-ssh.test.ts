import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classifySans, validateSubject } from '../../../main/services/material/csr';
import { authorizedKeysLine, sshFingerprint } from '../../../main/services/material/ssh-keys';
import { parseArgs } from '../../../main/cli/parse-args';
import { runCli } from '../../../main/cli/run-cli';
import { MATERIAL_COMMANDS } from '../../integration/material/material-fixture';

describe('CSR input', () => {
  it('requires CN, two capital letters for C, and an address for E', () => {
    expect(() => validateSubject({ cn: ' ' })).toThrow(/CN/);
    expect(() => validateSubject({ cn: 'x', c: 'de' })).toThrow(/two capital letters/);
    expect(() => validateSubject({ cn: 'x', e: 'not-mail' })).toThrow(/e-mail/);
    expect(() => validateSubject({ cn: 'x', c: 'DE', e: 'a@b.de' })).not.toThrow();
  });
  it('classifies SANs: DNS, IPv4, IPv6, e-mail, URI', () => {
    expect(classifySans(['a.example', '10.1.2.3', '::1', 'ops@a.example', 'https://a.example/x']).map((s) => s.type)).toEqual(['dns', 'ip', 'ip', 'email', 'url']);
  });
});

describe('SSH helpers', () => {
  it('fingerprint is unpadded base64 SHA-256 of the key blob', () => {
    const blob = Buffer.from('000000077373682d727361', 'hex');
    const expected = 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
    expect(sshFingerprint(`ssh-rsa ${blob.toString('base64')} c`)).toBe(expected);
    expect(sshFingerprint(blob.toString('base64'))).toBe(expected);
  });
  it('authorized_keys comment names landscape and pathway without spaces breaking the line', () => {
    expect(authorizedKeysLine('ssh-ed25519 AAAA old comment', 'ACME Prod', 'S4 → SFTP')).toBe('ssh-ed25519 AAAA landscape-setup landscape=ACME-Prod pathway=S4-SFTP');
  });
});

describe('material CLI conventions', () => {
  const io = (env: Record<string, string> = {}) => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => void (out.stdout += t), stderr: (t: string) => void (out.stderr += t), env, readStdin: async () => '' } };
  };
  it('refuses --password on the command line', () => {
    expect(() => parseArgs(['export', '--password', 'x'], ['password-env'])).toThrow(/never go on the command line/);
  });
  it.each([
    [['keys', 'new', '--type', 'rsa-1024', '--label', 'x']],
    [['keys', 'old']],
    [['p12', 'import', 'f.p12', '--label', 'x']],
    [['known-hosts', 'check', '--landscape', 'L', '--host', 'h', '--key', 'only-type']],
    [['cert', 'lint']],
  ])('%j is a usage error (exit 2, one line on stderr)', async (argv) => {
    const { out, io: cliIo } = io();
    // Usage errors are raised before any service method runs; an empty material object proves it.
    const code = await runCli(argv as string[], cliIo, (() => ({ material: {} })) as never, MATERIAL_COMMANDS);
    expect(code).toBe(2);
    expect(out.stderr.split('\n')[0]).toMatch(/^landscape \S+: /);
    expect(out.stdout).toBe('');
  });
});
