import { describe } from 'vitest';
import { httpTarget, imapTarget, smtpTarget, sshBannerTarget } from './targets/wire';
import { imapDialogueTarget, pop3DialogueTarget } from './targets/mailbox';
import { amqpOpenTarget } from './targets/amqp';
import { seededFuzz } from './seeded';

describe('fuzz (seeded): what peers send', () => seededFuzz([smtpTarget, imapTarget, sshBannerTarget, httpTarget, imapDialogueTarget, pop3DialogueTarget, amqpOpenTarget] as never));
