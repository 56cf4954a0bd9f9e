import { describe, expect, it } from 'vitest';
import { resolveAppPath, responseHeaders } from '../../../main/shell/app-protocol';
import { contentSecurityPolicy } from '../../../main/shell/csp';
import { isTrustedSender } from '../../../main/shell/app-origin';

const root = '/opt/app/out/renderer';

describe('Electron checklist item 18: content served from app://, path traversal refused', () => {
  it('maps app://renderer/ paths into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://renderer/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://renderer/')).toBe(`${root}/index.html`);
    expect(resolveAppPath(root, 'app://renderer/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
  });
  it.each([
    'app://renderer/../../../etc/passwd',
    'app://renderer/%2e%2e/%2e%2e/etc/passwd',
    'app://renderer/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://renderer/..%5c..%5cwindows',
    'app://renderer/a%00.html',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
    'app://renderer/%E0%A4%A',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) expect(resolved.startsWith(root + '/')).toBe(true);
    else expect(resolved).toBeNull();
  });
  it('never resolves outside the root for encoded traversal', () => {
    expect(resolveAppPath(root, 'app://renderer/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
  });
});

describe('Electron checklist item 7: a restrictive Content-Security-Policy on every response', () => {
  const csp = contentSecurityPolicy();
  it('allows scripts only from the app itself, no eval, no inline', () => {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
  it('denies by default, forbids network from the renderer, objects and framing', () => {
    for (const directive of ["default-src 'none'", "connect-src 'none'", "object-src 'none'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
  });
  it('is sent with every app:// response', () => {
    expect(responseHeaders('/x/index.html')['Content-Security-Policy']).toBe(csp);
    expect(responseHeaders('/x/app.js')['Content-Type']).toContain('javascript');
  });
});

describe('Electron checklist item 17: the sender of every IPC message is validated', () => {
  it('accepts only the top frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
