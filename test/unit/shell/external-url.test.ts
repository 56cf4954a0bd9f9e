import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, openExternalUrl } from '../../../shared/security/external-url';

describe('Electron checklist item 15: shell.openExternal only through the allowlist', () => {
  it.each([
    'https://help.sap.com/docs/cloud-integration',
    'https://community.sap.com/t5/technology-blogs',
    'https://learning.sap.com/learning-journeys/x',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    ['javascript:alert(1)'],
    ['file:///etc/passwd'],
    ['\\\\server\\share\\evil.exe'],
    ['smb://server/share'],
    ['http://help.sap.com/'],
    ['https://help.sap.com.evil.example/'],
    ['https://evil.example/?u=https://help.sap.com'],
    ['https://user:pw@help.sap.com/'],
    ['https://help.sap.com:8443/'],
    ['ms-msdt:/id PCWDiagnostic'],
    [''],
    [42],
    [null],
    [{ toString: () => 'https://help.sap.com' }],
  ])('refuses %s', (value) => expect(isAllowedExternalUrl(value)).toBe(false));

  it('calls the injected effect only for allowed URLs', async () => {
    const opened: string[] = [];
    const open = async (u: string) => {
      opened.push(u);
    };
    expect(await openExternalUrl('javascript:alert(1)', open)).toBe(false);
    expect(await openExternalUrl('https://help.sap.com/x', open)).toBe(true);
    expect(opened).toEqual(['https://help.sap.com/x']);
  });
});
