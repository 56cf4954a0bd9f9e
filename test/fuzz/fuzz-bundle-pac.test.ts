import { describe } from 'vitest';
import { bundleContentsTarget, bundleFileTarget } from './targets/bundle';
import { pacTarget } from './targets/pac';
import { seededFuzz } from './seeded';

describe('fuzz (seeded): bundles (the age file and its decrypted contents), PAC files', () => seededFuzz([bundleFileTarget, bundleContentsTarget, pacTarget] as never));
