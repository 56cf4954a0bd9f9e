import { describe } from 'vitest';
import { httpTarget, smtpTarget, sshBannerTarget } from './targets/wire';
import { seededFuzz } from './seeded';

describe('fuzz (seeded): what peers send', () => seededFuzz([smtpTarget, sshBannerTarget, httpTarget] as never));
