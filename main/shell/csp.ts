/**
 * Item 7: the Content-Security-Policy of every page. No inline or remote script, no eval, no
 * network from the renderer at all (probes run in main), no plugins, no framing.
 * The test server sends the same header, so the e2e suite proves the renderer works under it.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}
