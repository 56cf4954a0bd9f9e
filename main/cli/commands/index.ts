/**
 * Every CLI command: one line each, with the name and summary `--help` prints. The module itself is
 * imported only when its command runs (a fast start: `--help` loads no command and no service).
 * `test/unit/cli/command-index.test.ts` checks each line against its module.
 */
import type { CommandEntry } from '../command';

export const commands: CommandEntry[] = [
  { name: 'info', summary: 'Show the version, the data directory and the keychain status', load: async () => (await import('./info')).infoCommand },
  { name: 'credentials', summary: 'List, add, remove and reveal credentials (secrets in the OS keychain); import BTP service keys', load: async () => (await import('./credentials')).credentialsCommand },
  { name: 'probe', summary: 'Probe a pathway of a landscape (or all of them) the way the real caller will see it', load: async () => (await import('./probe')).probeCommand },
  { name: 'tls', summary: 'TLS probe of HOST:PORT as a client: --as sender (default; OS trust + --ca) or --as ci (Cloud Integration: JSSE, only --ca trusted)', load: async () => (await import('./tls')).tlsCommand },
  { name: 'keys', summary: 'Create a private key (RSA 2048/3072/4096, EC P-256) in the vault, waiting for its certificate', load: async () => (await import('./keys')).keysCommand },
  { name: 'csr', summary: 'Write a PKCS#10 request (clientAuth; serverAuth on request) for a key in the vault', load: async () => (await import('./csr')).csrCommand },
  { name: 'cert', summary: 'Import (pair with its key), lint and export X.509 certificates; a local test CA', load: async () => (await import('./cert')).certCommand },
  { name: 'p12', summary: 'Export a key pair as PKCS#12 for the Cloud Integration keystore, or import a .p12/.pfx', load: async () => (await import('./p12')).p12Command },
  { name: 'ssh-key', summary: 'SSH key pairs for SFTP: create in the vault, print the authorized_keys line, export', load: async () => (await import('./ssh-key')).sshKeyCommand },
  { name: 'known-hosts', summary: "Keep the landscape's Cloud Integration known_hosts: add lines, check host keys, export", load: async () => (await import('./known-hosts')).knownHostsCommand },
  { name: 'landscapes', summary: 'List, show, create, rename, duplicate, delete, export and import landscapes', load: async () => (await import('./landscapes')).landscapesCommand },
  { name: 'handover', summary: 'What must be created where (Markdown or JSON), or the handover pack with its files (--pack DIR)', load: async () => (await import('./handover')).handoverCommand },
  { name: 'ssh-scan', summary: 'Read an SSH server’s host key (like ssh-keyscan) with its SHA256 fingerprint, the known_hosts line and CI’s verdict', load: async () => (await import('./ssh-scan')).sshScanCommand },
  { name: 'ftp', summary: 'FTP / FTPS probe as CI’s FTP adapter meets the server: AUTH TLS or implicit TLS and chain, login, directory, passive listing, optional write check', load: async () => (await import('./ftp')).ftpCommand },
  { name: 'imap', summary: 'IMAP probe as CI’s Mail sender adapter meets the server: STARTTLS or SSL/TLS and chain, login, folder, total and unread counts — changes no flag', load: async () => (await import('./mailbox')).imapCommand },
  { name: 'pop3', summary: 'POP3 probe as CI’s Mail sender adapter meets the server: STLS or SSL/TLS and chain, login, message count — reads and deletes nothing', load: async () => (await import('./mailbox')).pop3Command },
  { name: 'amqp', summary: 'AMQP 1.0 probe as CI’s AMQP receiver adapter meets the broker: TCP or WebSocket, TLS and chain, SASL PLAIN, a sender link to the queue or topic — never sends a message', load: async () => (await import('./amqp')).amqpCommand },
  { name: 'smtp', summary: 'SMTP probe as CI’s mail adapter meets the server: banner, EHLO, STARTTLS/SMTPS and chain, AUTH, From/To — never sends mail', load: async () => (await import('./smtp')).smtpCommand },
  { name: 'report', summary: 'Evidence report of the last probes: self-contained HTML, JSON twin, PDF, SHA-256, optional CMS signature', load: async () => (await import('./report')).reportCommand },
  { name: 'expiry', summary: 'Expiry radar: certificates and keys of a landscape (or all), soonest first, with what to renew where', load: async () => (await import('./expiry')).expiryCommand },
  { name: 'bundle', summary: 'Move landscapes with their secrets to another laptop (age-encrypted bundle)', load: async () => (await import('./bundle')).bundleCommand },
  { name: 'pgp', summary: 'PGP keys for message-level security: create, import, keyrings for CI, lint, sign / decrypt checks', load: async () => (await import('./pgp')).pgpCommand },
  { name: 'iflow', summary: 'Import integration flows (iFlow or package exports, .iflw) into a landscape', load: async () => (await import('./iflow')).iflowCommand },
];
