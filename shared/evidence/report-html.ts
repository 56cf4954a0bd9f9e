/**
 * The evidence report as one self-contained HTML file: inline style, the diagram as inline SVG,
 * no script, no font, no image, no link — and a CSP that forbids loading anything, so the file
 * opens the same offline, in a mail attachment or printed to PDF. Every text is escaped.
 */
import { WHERE_TO_FIX_LABELS, type Finding } from '../probe/probe-types';
import { daysText, LEVEL_TEXT, SIDE_LABELS, SOURCE_LABELS } from './expiry';
import { escapeHtml as h } from './html-escape';
import type { EvidencePathway, EvidenceReport } from './report-model';

const VERDICT_TEXT: Record<EvidencePathway['verdict'], string> = {
  passed: '✓ passed',
  warning: '⚠ passed with warnings',
  failed: '✖ failed',
  'timed-out': '✖ timed out',
  cancelled: '○ cancelled',
  'not-probed': '○ not probed',
};

const STYLE = `
body{font:14px/1.45 "DejaVu Sans",Arial,Helvetica,sans-serif;color:#111827;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d1d5db;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}table{border-collapse:collapse;width:100%;margin:6px 0}
th,td{border:1px solid #d1d5db;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f3f4f6;font-weight:600}
.meta td:first-child{width:180px;color:#4b5563}.mono{font-family:"DejaVu Sans Mono",monospace;font-size:12px;word-break:break-all}
.v-passed{color:#15803d}.v-warning{color:#b45309}.v-failed,.v-timed-out{color:#b91c1c}.v-cancelled,.v-not-probed{color:#4b5563}
.l-expired,.l-critical{color:#b91c1c;font-weight:600}.l-soon{color:#b45309;font-weight:600}
.finding{border-left:4px solid #9ca3af;padding:4px 8px;margin:6px 0;background:#f9fafb}.finding.error{border-color:#b91c1c}.finding.warning{border-color:#b45309}
.fix{color:#374151}.diagram{overflow-x:auto;border:1px solid #d1d5db;border-radius:8px;padding:8px}.diagram svg{max-width:100%;height:auto}
.pathway{break-inside:avoid-page}.note{white-space:pre-wrap;border-left:4px solid #1d4ed8;padding:6px 10px;background:#eff6ff}
@media print{body{margin:0;max-width:none}.diagram{border:none}}`;

const FACT_LABELS: Record<string, string> = { tlsProtocol: 'TLS version', tlsCipher: 'Cipher', sni: 'Server name sent (SNI)', httpStatus: 'HTTP status' };

/** A probe fact's name in words: a known label, else "hostKeyType" → "Host key type". */
export function factLabel(key: string): string {
  const known = FACT_LABELS[key];
  if (known) return known;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function row(label: string, value: string, mono = false): string {
  return value ? `<tr><td>${h(label)}</td><td${mono ? ' class="mono"' : ''}>${h(value)}</td></tr>` : '';
}

function findingHtml(f: Finding): string {
  const literal = f.literal ? `<div class="mono">The system says: ${h(f.literal)}</div>` : '';
  return `<div class="finding ${f.severity}"><strong>${h(f.message)}</strong><div class="fix">Fix: ${h(f.fix)} — where: ${h(WHERE_TO_FIX_LABELS[f.whereToFix])}</div>${literal}</div>`;
}

function pathwayHtml(p: EvidencePathway): string {
  const facts = Object.entries(p.facts).map(([k, v]) => row(factLabel(k), Array.isArray(v) ? v.join(', ') : String(v)));
  const steps = p.steps.length
    ? `<table><tr><th>Step</th><th>Result</th><th>Detail</th></tr>${p.steps.map((s) => `<tr><td>${h(s.label)}</td><td>${h(s.status)}</td><td>${h(s.detail ?? '')}</td></tr>`).join('')}</table>`
    : '<p>No probe steps recorded.</p>';
  const chain = p.chain.length
    ? `<table><tr><th>#</th><th>Subject</th><th>Issuer</th><th>Valid until</th><th>SHA-256 fingerprint</th></tr>${p.chain
        .map((c, i) => `<tr><td>${i}</td><td>${h(c.subject)}</td><td>${h(c.issuer)}${c.selfSigned ? ' (self-signed)' : ''}</td><td>${h(c.notAfter)}</td><td class="mono">${h(c.fingerprintSha256)}</td></tr>`)
        .join('')}</table>`
    : '<p>No certificate chain was recorded for this pathway.</p>';
  return `<section class="pathway" id="pathway-${p.number}">
<h3>Pathway ${p.number}: ${h(p.from)} → ${h(p.to)} <span class="v-${p.verdict}">${VERDICT_TEXT[p.verdict]}</span></h3>
<table class="meta">${row('Direction', p.direction)}${row('Protocol / adapter', `${p.protocol} / ${p.adapter}`)}${row('Authentication', p.authentication)}${row('Endpoint', p.endpoint, true)}${row('Probed at', p.probedAt ?? 'not probed')}${row('Target', p.target ?? '', true)}${row('Route', p.route ?? '')}${facts.join('')}</table>
<h4>Steps</h4>${steps}
<h4>Findings</h4>${p.findings.length ? p.findings.map(findingHtml).join('') : '<p>No findings.</p>'}
<h4>Certificate chain seen</h4>${chain}
</section>`;
}

function expiryHtml(r: EvidenceReport): string {
  if (!r.expiry.length) return '<p>No certificate or key with an expiry was found for this landscape.</p>';
  return `<table><tr><th>Days left</th><th>Item</th><th>Valid until</th><th>Pathways</th><th>Side</th><th>Renew</th></tr>${r.expiry
    .map(
      (i) =>
        `<tr><td class="l-${i.level}">${h(daysText(i.daysLeft))}<br><small>${h(LEVEL_TEXT[i.level])}</small></td><td>${h(i.title)}<br><small>${h(SOURCE_LABELS[i.source])}</small>${i.fingerprintSha256 ? `<div class="mono">${h(i.fingerprintSha256)}</div>` : ''}</td><td>${h(i.notAfter?.slice(0, 10) ?? '—')}</td><td>${h(i.pathways.join(', ') || '—')}</td><td>${h(SIDE_LABELS[i.side])}</td><td>${h(i.renew)}</td></tr>`,
    )
    .join('')}</table>`;
}

export function renderEvidenceHtml(r: EvidenceReport, diagramSvg: string): string {
  const s = r.summary;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="${h(`${r.app.name} ${r.app.version}`)}">
<title>${h(r.title)}</title><style>${STYLE}</style></head>
<body>
<h1>${h(r.title)}</h1>
<table class="meta">${row('Customer', r.landscape.customer)}${row('Stage', r.landscape.stage)}${row('Tenant', r.landscape.tenant)}${row('Runtime host', r.landscape.runtimeHost, true)}${row('Generated', r.generatedAt)}${row('Application', `${r.app.name} ${r.app.version}`)}${row('Consultant', r.consultant.name || 'not given')}</table>
${r.consultant.note ? `<div class="note">${h(r.consultant.note)}</div>` : ''}
<h2>Summary</h2>
<p>${r.pathways.length} pathways: ${s.passed} passed, ${s.warning} with warnings, ${s.failed} failed, ${s.notProbed} not probed.</p>
<div class="diagram">${diagramSvg}</div>
<h2>Pathways</h2>
${r.pathways.map(pathwayHtml).join('\n')}
<h2>Expiry radar</h2>
${expiryHtml(r)}
<h2>About this report</h2>
<p>Every pathway was probed from the consultant's laptop the way Cloud Integration (outbound) or the sender system (inbound) meets the peer. The report holds no password, key or token. Its SHA-256 and, when signed, a detached CMS signature (.p7s) are delivered beside it.</p>
</body></html>
`;
}
