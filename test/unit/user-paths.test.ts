import { describe, expect, it } from 'vitest';
import { createUserPaths } from '../../main/services/user-paths';

describe('user-chosen paths', () => {
  it('accepts only paths that came out of a dialog in this session', async () => {
    const paths = createUserPaths({
      chooseSavePath: async () => '/home/me/acme.p12',
      chooseOpenPath: async () => 'relative/file.json',
    });
    expect(() => paths.assertChosen('/home/me/acme.p12')).toThrow(/choose the file again/);
    expect(await paths.chooseSavePath({ title: 'Export' })).toBe('/home/me/acme.p12');
    expect(paths.assertChosen('/home/me/acme.p12')).toBe('/home/me/acme.p12');
    expect(() => paths.assertChosen('/etc/passwd', 'out')).toThrow(expect.objectContaining({ code: 'PATH_NOT_CHOSEN', field: 'out' }));
    // A dialog that hands back a relative path is treated as cancelled.
    expect(await paths.chooseOpenPath({ title: 'Import' })).toBeNull();
  });
});
