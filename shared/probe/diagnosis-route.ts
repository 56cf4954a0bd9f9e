/**
 * The route's part of the diagnosis catalogue: how this laptop reaches a peer (PAC files, the
 * system settings, HTTP proxies and their authentication). Joined into DIAGNOSIS.
 * These are the laptop's network, never Cloud Integration's: CI does not use the customer's proxy.
 */
import type { DiagnosisEntry } from './diagnosis-catalogue';

const CHOOSE = 'or choose Direct, a PAC file or a manual proxy for this landscape (direction panel → This laptop’s route).';

export const ROUTE_DIAGNOSIS: Record<string, DiagnosisEntry> = {
  'proxy.auth-required': { severity: 'error', cause: 'The proxy {proxy} requires {scheme} authentication (HTTP 407) and the probe sent none.', fix: 'Give this landscape’s manual proxy a Basic credential from the vault (the proxy user and password), or ask the network team for a CONNECT exception for {host}:{port}.', whereToFix: 'network', literal: 'HTTP/1.1 407 Proxy Authentication Required' },
  'proxy.auth-rejected': { severity: 'error', cause: 'The proxy {proxy} refused the credentials of {user} (HTTP {status}).', fix: 'Check the proxy user and password of the credential linked to the manual proxy (Credentials view): the account may be locked, expired or mistyped.', whereToFix: 'network' },
  'proxy.auth-unsupported': { severity: 'error', cause: 'The proxy {proxy} asks for {scheme} authentication (Windows sign-on), which a probe cannot answer; it accepts no Basic credentials.', fix: 'Ask the network team for a proxy account with Basic authentication or a CONNECT exception for {host}:{port}, or probe from a network without this proxy (route Direct). Cloud Integration itself never uses this proxy.', whereToFix: 'network' },
  'proxy.refused': { severity: 'error', cause: 'The proxy {proxy} refused to open a tunnel to {host}:{port} (HTTP {status}).', fix: 'Ask the network team to allow CONNECT to {host}:{port} on the proxy (proxies often allow port 443 only).', whereToFix: 'network' },
  'proxy.upstream-failed': { severity: 'error', cause: 'The proxy {proxy} could not reach {host}:{port} itself (HTTP {status}).', fix: 'Check the host and port in the pathway, and that the proxy may reach them (its outbound rules).', whereToFix: 'network' },
  'proxy.unreachable': { severity: 'error', cause: 'The proxy {proxy} could not be reached ({detail}).', fix: `Check the proxy address and that it runs (the route came from {source}), ${CHOOSE}`, whereToFix: 'network' },
  'route.pac-unreadable': { severity: 'error', cause: 'The PAC file {pac} could not be read ({detail}).', fix: `Check the PAC address with the network team (browsers show it in the system proxy settings), ${CHOOSE}`, whereToFix: 'network' },
  'route.pac-failed': { severity: 'error', cause: 'The PAC file {pac} gave no answer for this host ({detail}).', fix: `Ask the network team to check the PAC file, ${CHOOSE}`, whereToFix: 'network' },
  'route.socks': { severity: 'error', cause: 'The route for this host is a SOCKS proxy ({answer}, from {pac}); probes tunnel only through HTTP proxies (CONNECT).', fix: 'Ask the network team for the HTTP proxy that serves this host and set it as this landscape’s manual proxy.', whereToFix: 'network' },
  'route.unusable': { severity: 'error', cause: 'The proxy answer “{answer}” from {pac} names no proxy a probe can use.', fix: `Ask the network team which HTTP proxy serves this host, ${CHOOSE}`, whereToFix: 'network' },
  'route.system-failed': { severity: 'error', cause: 'The system proxy settings could not be read ({detail}).', fix: `Check the operating system’s proxy settings, ${CHOOSE}`, whereToFix: 'network' },
};
