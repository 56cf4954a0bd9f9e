/**
 * The SFTP probe's "Algorithms Cloud Integration accepts" step: CI's SSH client profile
 * (shared/ssh/ci-ssh-algorithms.ts) judged against the lists the server offered, with the facts the
 * panel and the CLI show (what CI would agree on, and which part of that SAP documents).
 */
import type { ProbeContext } from '../engine-types';
import { CI_SSH_BASIS, judgeCiSsh, parseRemoteOffers, SSH_KINDS, type CiSshJudgement } from '../../../../shared/ssh/ci-ssh-algorithms';
import { agreedWithBasis, ciSshFindings } from '../../../../shared/probe/diagnosis-ssh-algorithms';
import type { Finding } from '../../../../shared/probe/probe-types';

const VERDICT_TEXT: Record<CiSshJudgement['status'], string> = {
  accepts: 'accepted with the adapter’s default settings',
  deprecated: 'only with “Enable Support for Deprecated Algorithms”',
  refuses: 'refused, even with deprecated algorithms enabled',
};

/** Records CI's judgement as facts and returns it with its findings (none when CI agrees). */
export function judgeOffersAsCi(ctx: ProbeContext, remoteOffers: readonly string[]): { j: CiSshJudgement; findings: Finding[] } {
  const offers = parseRemoteOffers(remoteOffers);
  const j = judgeCiSsh(offers);
  const known = SSH_KINDS.filter((k) => j.agreed[k]);
  ctx.fact('ciSshAlgorithms', agreedWithBasis(j, known) || 'none in common');
  ctx.fact('ciSshVerdict', VERDICT_TEXT[j.status]);
  ctx.fact('ciSshBasis', CI_SSH_BASIS);
  return { j, findings: ciSshFindings(j, offers) };
}

export async function ciAlgorithmsStep(ctx: ProbeContext, remoteOffers: readonly string[]): Promise<void> {
  await ctx.step('ci-algorithms', 'Algorithms Cloud Integration accepts', async (mark) => {
    const { j, findings } = judgeOffersAsCi(ctx, remoteOffers);
    for (const f of findings) ctx.finding(f);
    // The algorithms themselves are in the result's facts (panel and CLI): the step stays one line.
    if (j.status === 'accepts') return mark.detail(VERDICT_TEXT.accepts);
    if (j.status === 'deprecated') return mark.fail?.(`only with “Enable Support for Deprecated Algorithms”: ${agreedWithBasis(j, j.needsDeprecated)}`);
    mark.fail?.('no common algorithm, not even deprecated ones');
  });
}
