import { describe } from 'vitest';
import { knownHostsTarget, landscapeFileTarget, serviceKeyTarget, sshPrivateKeyTarget, sshPublicKeyTarget } from './targets/documents';
import { seededFuzz } from './seeded';

describe('fuzz (seeded): service keys, landscape files, SSH material', () =>
  seededFuzz([serviceKeyTarget, landscapeFileTarget, knownHostsTarget, sshPublicKeyTarget, sshPrivateKeyTarget] as never));
