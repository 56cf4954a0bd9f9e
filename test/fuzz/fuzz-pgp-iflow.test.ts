import { describe } from 'vitest';
import { iflowArchiveTarget, iflowXmlTarget } from './targets/iflow';
import { pgpArmorTarget, pgpImportTarget, pgpLintTarget } from './targets/pgp';
import { seededFuzz } from './seeded';

describe('fuzz (seeded): PGP armor, key files and keyring lint; iFlow archives and XML', () =>
  seededFuzz([pgpArmorTarget, pgpImportTarget, pgpLintTarget, iflowArchiveTarget, iflowXmlTarget] as never));
