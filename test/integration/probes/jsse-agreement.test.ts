/**
 * Issue 12's differential test: ≥ 40 server configurations made at test time, each judged by the
 * app's CI profile and by a real JVM (JDK 17 JSSE, test/jsse/Oracle.java). The connect/refuse
 * verdicts must agree on every case, Java's reason must be the literal the app shows, and every
 * case where the app deliberately says more than Java (a warning on a chain Java accepts) is named.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runAgreement, type Agreement } from '../../jsse/agreement';

/** Where the app says more than JSSE on a chain JSSE accepts, and why (each must stay justified). */
const DELIBERATE: Record<string, string> = {
  'tls.intermediate-from-keystore': 'the server omits an intermediate that only the CI keystore supplies: other clients fail',
  'tls.anchor-expired': 'Java accepts an expired trust anchor; the CI keystore shows it red and OpenSSL refuses it',
  'tls.small-key': 'RSA 1024: Java accepts, OpenSSL at security level 2 and public CAs do not',
  'tls.sha1': 'SHA-1 below a private root: Java accepts (its jdkCA rule covers only the JDK’s own roots); OpenSSL 3 refuses',
  'tls.self-signed': 'a self-signed server certificate must be imported by every client',
};

let result: Agreement;
beforeAll(async () => {
  result = await runAgreement();
  console.log(result.line);
}, 240_000);

describe('CI profile against a real JVM (JSSE)', () => {
  it('covers at least 40 server configurations, and the oracle says what JDK 17 is known to say', () => {
    expect(result.total).toBeGreaterThanOrEqual(40);
    const unexpected = result.outcomes.filter((o) => (o.jsse.connects ? 'connects' : 'refuses') !== o.c.jsseSays).map((o) => `${o.c.id}: ${o.jsse.message ?? 'connects'}`);
    expect(unexpected).toEqual([]);
    // Both kinds of case exist, so agreement cannot come from one constant answer.
    expect(result.outcomes.filter((o) => o.jsse.connects).length).toBeGreaterThan(10);
    expect(result.outcomes.filter((o) => !o.jsse.connects).length).toBeGreaterThan(10);
  });

  it(`agrees with JSSE on every case (connects / refuses)`, () => {
    const disagreements = result.outcomes
      .filter((o) => !o.agrees)
      .map((o) => `${o.c.id}: JSSE ${o.jsse.connects ? 'connects' : `refuses (${o.jsse.message})`}, app ${o.app.verdict} [${o.app.findings.map((f) => f.code).join(', ')}]`);
    expect(disagreements).toEqual([]);
    expect(result.line).toBe(`agreement with JSSE: ${result.total}/${result.total}`);
  });

  it('shows Java’s own reason as the literal of a finding whenever JSSE refuses', () => {
    const missing = result.outcomes
      .filter((o) => !o.literalAgrees)
      .map((o) => `${o.c.id}: Java "${o.jsse.message?.split(' | ')[0]}", app literals ${JSON.stringify(o.app.findings.map((f) => f.literal).filter(Boolean))}`);
    expect(missing).toEqual([]);
  });

  it('names every case where the app says more than JSSE, with the reason', () => {
    const extra = result.outcomes.filter((o) => o.jsse.connects && o.app.verdict === 'warning');
    const named = extra.map((o) => {
      const codes = o.app.findings.filter((f) => f.severity === 'warning').map((f) => f.code);
      const unnamed = codes.filter((c) => !DELIBERATE[c]);
      return { id: o.c.id, codes, unnamed };
    });
    for (const n of named) console.log(`says more than JSSE: ${n.id}: ${n.codes.map((c) => `${c} (${DELIBERATE[c] ?? 'UNNAMED'})`).join('; ')}`);
    expect(named.filter((n) => n.unnamed.length)).toEqual([]);
    expect(named.map((n) => n.id)).toEqual(expect.arrayContaining(['chain incomplete, intermediate in keystore', 'SHA-1 signed leaf', 'RSA 1024 leaf']));
  });
});
