/**
 * Every parser and importer the fuzzer runs: one line each. To add a parser, write a FuzzTarget
 * (fuzz-types.ts; file-importer.ts builds one for a channel that reads a chosen file,
 * channelImporter for one that takes the text) and list it here: `npm run fuzz` then gives it
 * 10,000 inputs and `npm test` 300 (list it in the seeded test file of its group), with a row in
 * the table.
 */
import type { FuzzTarget } from './fuzz-types';
import { bundleContentsTarget, bundleFileTarget } from './targets/bundle';
import { csrTarget, derTarget, pemTarget, pkcs12NoPasswordTarget, pkcs12Target, pkcs7Target } from './targets/certificates';
import { knownHostsTarget, landscapeFileTarget, serviceKeyTarget, sshPrivateKeyTarget, sshPublicKeyTarget } from './targets/documents';
import { iflowArchiveTarget, iflowXmlTarget } from './targets/iflow';
import { imapDialogueTarget, pop3DialogueTarget } from './targets/mailbox';
import { pacTarget } from './targets/pac';
import { pgpArmorTarget, pgpImportTarget, pgpLintTarget } from './targets/pgp';
import { httpTarget, imapTarget, smtpTarget, sshBannerTarget } from './targets/wire';
import { amqpOpenTarget } from './targets/amqp';

export const fuzzTargets: FuzzTarget<never>[] = [
  pemTarget,
  derTarget,
  pkcs7Target,
  pkcs12Target,
  pkcs12NoPasswordTarget,
  serviceKeyTarget,
  landscapeFileTarget,
  knownHostsTarget,
  sshPublicKeyTarget,
  sshPrivateKeyTarget,
  csrTarget,
  smtpTarget,
  imapTarget,
  sshBannerTarget,
  httpTarget,
  amqpOpenTarget,
  pgpArmorTarget,
  pgpImportTarget,
  pgpLintTarget,
  iflowArchiveTarget,
  iflowXmlTarget,
  bundleFileTarget,
  bundleContentsTarget,
  pacTarget,
  imapDialogueTarget,
  pop3DialogueTarget,
] as FuzzTarget<never>[];
