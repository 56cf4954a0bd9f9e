import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../main/cli/parse-args';
import { UsageError } from '../../../main/cli/command';
import { resolveDataDir } from '../../../main/services/data-dir';

describe('CLI argument rules', () => {
  it('parses positionals, value flags, =values, booleans and repeats', () => {
    expect(parseArgs(['show', 'Acme', '--json', '--name', 'X', '--san=a.example', '--san', 'b.example'], ['name'], ['san'])).toEqual({
      positionals: ['show', 'Acme'],
      flags: { json: true, name: 'X', san: ['a.example', 'b.example'] },
    });
  });
  it.each(['--password', '--password=hunter2', '--passphrase', '--secret', '--client-secret', '--token'])(
    'refuses %s: secrets never on the command line',
    (flag) => expect(() => parseArgs([flag, 'x'])).toThrow(UsageError),
  );
  it('accepts the -env spelling', () => {
    expect(parseArgs(['--password-env', 'PW'], ['password-env']).flags['password-env']).toBe('PW');
  });
  it('reports a value flag without its value', () => {
    expect(() => parseArgs(['--name'], ['name'])).toThrow(/needs a value/);
  });
});

describe('data directory', () => {
  it('LANDSCAPE_HOME wins, then Electron userData, then the platform default', () => {
    expect(resolveDataDir({ env: { LANDSCAPE_HOME: '/h' }, electronUserData: '/u', platform: 'linux', homedir: '/home/a' })).toBe('/h');
    expect(resolveDataDir({ env: {}, electronUserData: '/u', platform: 'linux', homedir: '/home/a' })).toBe('/u');
    expect(resolveDataDir({ env: {}, platform: 'linux', homedir: '/home/a' })).toBe('/home/a/.config/Landscape Setup');
    expect(resolveDataDir({ env: {}, platform: 'darwin', homedir: '/Users/a' })).toBe('/Users/a/Library/Application Support/Landscape Setup');
  });
});
