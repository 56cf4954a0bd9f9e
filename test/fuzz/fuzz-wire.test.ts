import { describe } from 'vitest';
import { httpTarget, imapTarget, smtpTarget, sshBannerTarget } from './targets/wire';
import { seededFuzz } from './seeded';

describe('fuzz (seeded): what peers send', () => seededFuzz([smtpTarget, imapTarget, sshBannerTarget, httpTarget] as never));
