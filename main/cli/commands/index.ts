/** Every CLI command. One import and one entry per command module. */
import type { CommandDef } from '../command';
import { infoCommand } from './info';
import { credentialsCommand } from './credentials';
import { keysCommand } from './keys';
import { csrCommand } from './csr';
import { certCommand } from './cert';
import { p12Command } from './p12';
import { sshKeyCommand } from './ssh-key';
import { knownHostsCommand } from './known-hosts';
import { probeCommand } from './probe';
import { tlsCommand } from './tls';
import { sshScanCommand } from './ssh-scan';
import { smtpCommand } from './smtp';
import { landscapesCommand } from './landscapes';
import { handoverCommand } from './handover';
import { reportCommand } from './report';
import { expiryCommand } from './expiry';
import { bundleCommand } from './bundle';

export const commands: CommandDef[] = [infoCommand, credentialsCommand, probeCommand, tlsCommand, keysCommand, csrCommand, certCommand, p12Command, sshKeyCommand, knownHostsCommand, landscapesCommand, handoverCommand, sshScanCommand, smtpCommand, reportCommand, expiryCommand, bundleCommand, pgpCommand];
import { pgpCommand } from './pgp';
