/**
 * Every failure a probe can report, with its cause, the fix and where the fix is made. Messages
 * name what the consultant sees and does; `literal` is the text the real system shows (CI's Java
 * stack, XSUAA, nginx), so a finding can be matched against a customer's screenshot.
 * Placeholders `{name}` are filled by `diagnose()`. No fix ever suggests switching verification off.
 */
import { ROUTE_DIAGNOSIS } from './diagnosis-route';
import type { Severity, WhereToFix } from './probe-types';
import { TLS_PROFILE_DIAGNOSIS } from './diagnosis-tls-profile';
import { FTP_DIAGNOSIS } from './diagnosis-ftp';
import { MAILBOX_DIAGNOSIS } from './diagnosis-mailbox';
import { AMQP_DIAGNOSIS } from './diagnosis-amqp';

export interface DiagnosisEntry {
  severity: Severity;
  cause: string;
  fix: string;
  whereToFix: WhereToFix;
  /** The direction-panel field to focus when the fix is in this app. */
  field?: string;
  literal?: string;
}

const PKIX =
  'PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
const UNAUTHORIZED_USER =
  '<UnauthorizedUserException><error>unauthorized_user</error><error_description>Bad credentials</error_description></UnauthorizedUserException>';

export const DIAGNOSIS: Record<string, DiagnosisEntry> = {
  ...TLS_PROFILE_DIAGNOSIS,
  ...ROUTE_DIAGNOSIS,
  ...FTP_DIAGNOSIS,
  ...MAILBOX_DIAGNOSIS,
  ...AMQP_DIAGNOSIS,
  // --- network and route ---
  'net.refused': { severity: 'error', cause: 'Nothing accepts connections on {host}:{port} (connection refused).', fix: 'Check the host and port in the pathway, and that the service is running and listening there.', whereToFix: 'peer-system' },
  'net.not-found': { severity: 'error', cause: 'The host name {host} does not resolve (DNS lookup failed).', fix: 'Check the spelling of the host; a host that only resolves inside the customer network needs the Cloud Connector (On-Premise) route.', whereToFix: 'network' },
  'net.timeout': { severity: 'error', cause: 'No answer from {host}:{port} in time: a firewall drops the packets or the host is down.', fix: 'Ask the network team to open the route from Cloud Integration’s egress IPs (or from this laptop) to {host}:{port}.', whereToFix: 'network' },
  'net.unreachable': { severity: 'error', cause: 'There is no network route to {host}.', fix: 'Check the network or VPN; public receivers must be reachable from the internet.', whereToFix: 'network' },
  'net.reset': { severity: 'error', cause: 'The peer closed the connection in the middle of the exchange ({stage}).', fix: 'The server or a firewall in between drops the connection: check the server’s TLS configuration and any TLS-inspecting firewall.', whereToFix: 'peer-system' },
  'net.not-tls': { severity: 'error', cause: '{host}:{port} does not speak TLS (it answered with something else).', fix: 'Check the port: it is probably a plain-HTTP or another service’s port. Use the HTTPS port of the server.', whereToFix: 'peer-system' },
  'onprem.not-probed': { severity: 'info', cause: 'Not probed from the laptop: this pathway goes through the Cloud Connector (On-Premise), a route only Cloud Integration can take. Checked instead: {checked}.', fix: 'Run the Cloud Connector connectivity test in Cloud Integration (Monitor → Manage Security → Connectivity Tests → Cloud Connector) with the Location ID; check the virtual host and access control in the Cloud Connector.', whereToFix: 'ci-monitor' },
  // --- TLS handshake ---
  'tls.weak-protocol': { severity: 'error', cause: 'The server speaks only {protocol}; {client} speaks TLS 1.2 and 1.3 only and will not connect.', fix: 'Enable TLS 1.2 or 1.3 on the server.', whereToFix: 'peer-system', literal: 'javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version' },
  'tls.protocol-mismatch': { severity: 'error', cause: 'Client and server share no TLS protocol version or cipher.', fix: 'Enable TLS 1.2 or 1.3 with current ciphers on the server.', whereToFix: 'peer-system', literal: 'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure' },
  'tls.handshake-failed': { severity: 'error', cause: 'The TLS handshake failed ({detail}).', fix: 'Check the server’s certificate and TLS configuration.', whereToFix: 'peer-system' },
  'tls.sha1': { severity: 'warning', cause: 'The certificate "{subject}" is signed with SHA-1: Java accepts it below a private root, but OpenSSL 3 and browsers reject it and public CAs no longer issue it.', fix: 'Have the certificate re-issued with SHA-256 and install it on the server.', whereToFix: 'peer-system' },
  'tls.expired': { severity: 'error', cause: 'The certificate "{subject}" expired on {date}.', fix: 'Renew the certificate and install it on the server.', whereToFix: 'peer-system', literal: 'java.security.cert.CertificateExpiredException: NotAfter: {date}' },
  'tls.not-yet-valid': { severity: 'error', cause: 'The certificate "{subject}" is not valid before {date}.', fix: 'Install a certificate that is already valid, or correct the server’s clock.', whereToFix: 'peer-system', literal: 'java.security.cert.CertificateNotYetValidException: NotBefore: {date}' },
  'tls.expires-soon': { severity: 'warning', cause: 'The certificate "{subject}" expires on {date} ({days} days).', fix: 'Plan the renewal now and re-import the new certificate where it is trusted.', whereToFix: 'peer-system' },
  'tls.hostname-mismatch': { severity: 'error', cause: 'The certificate is for {names}, not for {host}.', fix: 'Call the host the certificate is issued for, or have the certificate re-issued with {host} in its Subject Alternative Names.', whereToFix: 'peer-system', literal: 'java.security.cert.CertificateException: No subject alternative DNS name matching {host} found.' },
  'tls.missing-intermediate': { severity: 'error', cause: 'The server does not send the intermediate certificate(s): it sent only up to "{subject}", issued by "{issuer}".', fix: 'Configure the server to send its full chain (leaf and intermediates). Until then the intermediate "{issuer}" must be imported wherever the server is trusted.', whereToFix: 'peer-system' },
  'tls.self-signed': { severity: 'warning', cause: 'The server certificate "{subject}" is self-signed.', fix: 'Use a CA-signed certificate; a self-signed one must be imported as trusted by every client.', whereToFix: 'peer-system' },
  // --- trust: what the sender / this laptop trusts, and what CI's keystore trusts ---
  'tls.untrusted-sender': { severity: 'error', cause: 'The chain of {host} does not lead to a CA the sender trusts (the OS trust store and the landscape’s CAs): {detail}.', fix: 'Import the root "{root}" into the sender’s trust store (STRUST SSL client PSE, the SSCv2 trust list) and add it to the landscape’s CAs.', whereToFix: 'peer-system', literal: 'unable to get local issuer certificate' },
  'tls.untrusted-os': { severity: 'warning', cause: 'The chain of {host} does not lead to a CA in the OS trust store or the landscape’s CAs: {detail}.', fix: 'Add the root "{root}" to the landscape’s CAs if it is the customer’s own CA.', whereToFix: 'this-app' },
  'tls.pkix-path': { severity: 'error', cause: 'Cloud Integration will not trust {host}: no certificate of its chain up to "{root}" is in the modelled CI keystore.', fix: 'Add the certificate "{root}" (SHA-256 {fingerprint}) to the tenant keystore under Monitor → Manage Security → Keystore → Add → Certificate, then redeploy or restart the iFlow (connections are cached up to 24 h).', whereToFix: 'ci-monitor', literal: PKIX },
  'tls.pkix-root-not-sent': { severity: 'error', cause: 'Cloud Integration will not trust {host}: the root "{root}" is not in the modelled CI keystore, and the server does not send it, so CI offers no “Add to keystore”.', fix: 'Get the root certificate "{root}" from the CA (or the customer’s PKI team) and add it under Monitor → Manage Security → Keystore → Add → Certificate.', whereToFix: 'ci-monitor', literal: PKIX },
  'tls.add-root-offered': { severity: 'info', cause: 'The server sent a valid root "{root}": CI’s TLS connectivity test would offer “Add to keystore”.', fix: 'Add it under Monitor → Manage Security → Keystore → Add → Certificate (or “Add to keystore” in the TLS connectivity test).', whereToFix: 'ci-monitor' },
  // --- client certificates ---
  'tls.client-cert-rejected': { severity: 'error', cause: 'The server rejected the client certificate ({detail}).', fix: 'Have the server trust the issuer of the client certificate (upload the chain / root to the receiver’s trust list) and send the full chain.', whereToFix: 'peer-system', literal: 'javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate' },
  'tls.client-cert-required': { severity: 'error', cause: 'The server requires a client certificate, and none was sent.', fix: 'Set the Private Key Alias in the receiver adapter and deploy that key pair in the CI keystore; give the receiver its certificate.', whereToFix: 'ci-monitor', literal: 'javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_required' },
  'tls.client-cert-not-requested': { severity: 'warning', cause: 'The pathway authenticates with a client certificate, but the server did not ask for one.', fix: 'Enable client-certificate authentication on the server (e.g. ssl_verify_client) or change the pathway’s authentication.', whereToFix: 'peer-system' },
  'http.client-cert-missing': { severity: 'error', cause: 'The server asked for a client certificate and got none: it answered HTTP 400 "No required SSL certificate was sent".', fix: 'Deploy the key pair in the CI keystore, set it as Private Key Alias in the receiver adapter, and give the receiver its certificate.', whereToFix: 'ci-monitor', literal: '400 No required SSL certificate was sent' },
  'http.client-cert-untrusted': { severity: 'error', cause: 'The server does not accept the client certificate "{subject}": it answered HTTP 400 "The SSL certificate error".', fix: 'Upload the client certificate’s chain (or its root) to the receiver’s trust list, and have the receiver map the certificate to its user.', whereToFix: 'peer-system', literal: '400 The SSL certificate error' },
  'inbound.client-cert-rejected': { severity: 'error', cause: 'The load balancer of the CI runtime did not accept the client certificate: it is not chained to a root the load balancer supports, the chain was not sent, or it lacks the clientAuth key usage.', fix: 'Use a certificate from a CA supported by SAP (note 2801396) with the Client Authentication EKU, send its whole chain, and put it in the integration-flow service key.', whereToFix: 'btp-cockpit' },
  'inbound.client-cert-no-eku': { severity: 'error', cause: 'The client certificate "{subject}" lacks the Client Authentication extended key usage (clientAuth, 1.3.6.1.5.5.7.3.2): CI’s load balancer rejects such certificates during the TLS handshake. Public CAs stopped including clientAuth by default in September 2025 (phased out by May 2026), so a newly issued public certificate often lacks it.', fix: 'Issue the certificate with the clientAuth EKU: ask the CA for a client-authentication profile, or have it signed by the SAP Cloud Root CA via the Destination service; then update the integration-flow service key.', whereToFix: 'peer-system' },
  'inbound.client-cert-self-signed': { severity: 'error', cause: 'The client certificate "{subject}" is self-signed: CI’s load balancer does not accept self-signed client certificates on the default domain.', fix: 'Use a certificate from a CA supported by SAP (note 2801396), or a custom domain whose trust you manage; then update the integration-flow service key.', whereToFix: 'peer-system' },
  'inbound.client-cert-chain-incomplete': { severity: 'warning', cause: 'The sender would send only its certificate "{subject}", not the chain to "{issuer}": CI’s load balancer trusts only root CAs, so an intermediate that is not sent makes it reject the certificate.', fix: 'Store the whole chain (certificate, then intermediates) with the sender’s key, unless "{issuer}" is itself a root CA supported by SAP.', whereToFix: 'peer-system' },
  'inbound.no-sni': { severity: 'error', cause: 'The address {host} is an IP address, so the sender sends no server name (SNI): CI’s load balancer needs SNI to pick the tenant (note 2752867).', fix: 'Call Cloud Integration by its host name (…it-cpi….hana.ondemand.com), never by IP address.', whereToFix: 'peer-system' },
  // --- HTTP answers ---
  'http.401-inbound-basic': { severity: 'error', cause: 'Cloud Integration refused the credentials (HTTP 401).', fix: 'For Basic use the clientid and clientsecret of the integration-flow service key (not a user ID); check the key was not deleted or re-created.', whereToFix: 'btp-cockpit', literal: UNAUTHORIZED_USER },
  'http.401-inbound-cert': { severity: 'error', cause: 'Cloud Integration did not map the client certificate to a service key (HTTP 401): no key holds it, two keys hold the same subject and issuer, or the clientAuth EKU is missing.', fix: 'Create the integration-flow service key with this certificate (one key per subject+issuer pair), and send the whole chain.', whereToFix: 'btp-cockpit', literal: 'XSUAA could not authenticate OAuth client with client ID' },
  'http.401-inbound-oauth': { severity: 'error', cause: 'Cloud Integration refused the bearer token (HTTP 401).', fix: 'Request the token with the clientid and clientsecret of the integration-flow service key and its tokenurl.', whereToFix: 'btp-cockpit' },
  'http.403-inbound': { severity: 'error', cause: 'Authenticated, but not allowed (HTTP 403): the service instance’s role differs from the sender adapter’s User Role, or a role change is not effective yet (up to 1 h).', fix: 'Give the instance the role the sender adapter checks (default ESBMessaging.send) or align the adapter’s User Role; wait or re-create the key after a change.', whereToFix: 'btp-cockpit', literal: 'HTTP/1.1 403 Forbidden' },
  'http.403-csrf': { severity: 'error', cause: 'The endpoint is CSRF protected (HTTP 403 with X-CSRF-Token: Required).', fix: 'Have the sender fetch a token first (GET with X-CSRF-Token: Fetch) and send it, or switch CSRF Protected off in the HTTPS sender adapter if the sender cannot.', whereToFix: 'peer-system', literal: 'X-CSRF-Token: Required' },
  'http.404-inbound': { severity: 'error', cause: 'Nothing is deployed at {path} (HTTP 404): the address is wrong or the iFlow is not deployed / started.', fix: 'Compare the address with the sender adapter’s Address as deployed (Monitor → Manage Integration Content → the iFlow → Endpoints: …/http/… for HTTPS, …/cxf/… for SOAP/IDoc), and deploy the iFlow.', whereToFix: 'iflow-adapter' },
  'http.401-outbound': { severity: 'error', cause: 'The receiver refused the credentials (HTTP 401).', fix: 'Correct the User Credentials in Monitor → Manage Security → Security Material (exact Credential Name as in the adapter), or the receiver’s user.', whereToFix: 'ci-monitor', literal: 'HTTP/1.1 401 Unauthorized' },
  'http.403-outbound': { severity: 'error', cause: 'The receiver authenticated the caller but does not allow it (HTTP 403).', fix: 'Give the receiver’s communication user the needed authorisation (communication arrangement / role).', whereToFix: 'peer-system', literal: 'HTTP/1.1 403 Forbidden' },
  'http.404-outbound': { severity: 'warning', cause: 'The receiver answered HTTP 404 for {path}.', fix: 'Check the service path in the receiver adapter’s Address (and in this pathway’s endpoint).', whereToFix: 'iflow-adapter' },
  'http.5xx': { severity: 'error', cause: 'The server answered HTTP {status}.', fix: 'The server has a problem of its own: look at its logs (for CI, Monitor → System Log Files).', whereToFix: 'peer-system' },
  'http.redirect': { severity: 'error', cause: 'The server answered HTTP {status} and redirects to {location}: the service is not at this URL, or it sends callers without a session to a login page.', fix: 'Use the final URL in the pathway (open {location} to see what it is); a login page means the authentication was not accepted.', whereToFix: 'peer-system' },
  'http.too-large': { severity: 'error', cause: 'The server sent more than 256 KB without completing an HTTP answer (endless headers or body).', fix: 'Check that the port serves the expected service; the server or a proxy in front of it misbehaves.', whereToFix: 'peer-system' },
  'http.not-http': { severity: 'error', cause: 'The server did not answer with HTTP after the TLS handshake.', fix: 'Check that the port serves HTTPS.', whereToFix: 'peer-system' },
  // --- OAuth2 client credentials ---
  'oauth.token-refused': { severity: 'error', cause: 'The token endpoint refused the client (HTTP {status}{error}).', fix: 'Use the clientid and clientsecret of the service key and its tokenurl (…/oauth/token).', whereToFix: 'btp-cockpit', literal: '{"error":"unauthorized","error_description":"Bad credentials"}' },
  'oauth.token-invalid': { severity: 'error', cause: 'The token endpoint answered without an access_token (HTTP {status}).', fix: 'Check the token URL: it must be the …/oauth/token endpoint of the service key.', whereToFix: 'btp-cockpit' },
  // --- the model / this app ---
  'model.credential-missing': { severity: 'error', cause: 'The pathway’s credential is not in the vault ({detail}).', fix: 'Choose the credential in this pathway’s Credential field (add it under Credentials first if it is not there).', whereToFix: 'this-app', field: 'credentialId' },
  'model.endpoint-invalid': { severity: 'error', cause: 'The pathway has no usable endpoint ({detail}).', fix: 'Enter the endpoint as https://host[:port]/path in the pathway.', whereToFix: 'this-app', field: 'endpoint' },
  'model.url-reduced': { severity: 'info', cause: 'A URL was given; the TLS probe uses only its host and port ({host}:{port}), like CI’s TLS test.', fix: 'Nothing to do: the path is used by the HTTPS probe.', whereToFix: 'this-app' },
  'model.protocol-unsupported': { severity: 'warning', cause: 'Pathways over {protocol} are not probed by this probe.', fix: 'Use the {protocol} probe, or CI’s own connectivity test for this protocol.', whereToFix: 'this-app' },
  // --- the probe itself ---
  'probe.timed-out': { severity: 'error', cause: 'No complete answer within {ms} ms (at step: {stage}): the peer is silent, too slow or sends endless data.', fix: 'Check that {host}:{port} is the right service and that nothing in between holds the connection; raise the pathway’s deadline only if the peer is known to be slow.', whereToFix: 'network' },
  'probe.cancelled': { severity: 'info', cause: 'The probe was cancelled.', fix: 'Run it again when ready.', whereToFix: 'this-app' },
  'probe.unexpected': { severity: 'error', cause: 'The probe failed unexpectedly ({detail}).', fix: 'Run the probe again; if it repeats, check the pathway’s endpoint and the server.', whereToFix: 'peer-system' },
};
