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

export const commands: CommandDef[] = [infoCommand, credentialsCommand, keysCommand, csrCommand, certCommand, p12Command, sshKeyCommand, knownHostsCommand];
