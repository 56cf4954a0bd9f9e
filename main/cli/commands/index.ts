/** Every CLI command. One import and one entry per command module. */
import type { CommandDef } from '../command';
import { infoCommand } from './info';
import { credentialsCommand } from './credentials';

export const commands: CommandDef[] = [infoCommand, credentialsCommand];
