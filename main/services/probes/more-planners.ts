/**
 * The planners of the part-3 probes (FTP / FTPS; IMAP, POP3 and AMQP join here), registered with
 * the probe service in composition.ts. Each loads its protocol library only when it runs.
 */
import type { Pathway } from '../../../shared/landscape';
import type { PathwayPlanner } from './pathway-plan';
import { planFtpProbe } from './ftp/ftp-plan';
import { planImapProbe, planPop3Probe } from './mailbox/mailbox-plan';
import { planAmqpProbe } from './amqp/amqp-plan';

export const MORE_PLANNERS: Partial<Record<Pathway['protocol'], PathwayPlanner>> = {
  ftp: planFtpProbe,
  imap: planImapProbe,
  pop3: planPop3Probe,
  amqp: planAmqpProbe,
};
