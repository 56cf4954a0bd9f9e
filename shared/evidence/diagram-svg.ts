/**
 * The landscape diagram as a standalone SVG string for the evidence report: the same pure layout
 * the app draws (shared/diagram/layout.ts), with the state glyphs.
 * Colours are attributes (no stylesheet, no fonts, no external reference), so the file shows the
 * same picture in any browser and in a PDF. An edge within the radar's 30 days says so in its label.
 */
import { EDGE_STATE_TEXT } from '../diagram/from-landscape';
import type { EdgeState } from '../diagram/diagram-types';
import type { DiagramLayout, NodeLayout } from '../diagram/layout';
import { escapeHtml } from './html-escape';

const EDGE_COLOUR: Record<EdgeState, string> = {
  'not-configured': '#6b7280',
  ready: '#1d4ed8',
  passed: '#15803d',
  warning: '#b45309',
  failed: '#b91c1c',
  stale: '#6b7280',
};

const FONT = 'font-family="DejaVu Sans, Arial, Helvetica, sans-serif"';

function node(n: NodeLayout, tenant: boolean): string {
  const { box } = n;
  const blockH = n.lines.length * 17 + n.kindLines.length * 15;
  const top = box.y + (box.h - blockH) / 2 + 13;
  const fill = tenant ? '#1d4ed8' : '#ffffff';
  const ink = tenant ? '#ffffff' : '#111827';
  const texts = [
    ...n.lines.map((l, i) => `<text x="${box.x + box.w / 2}" y="${top + i * 17}" text-anchor="middle" font-size="14" font-weight="600" fill="${ink}">${escapeHtml(l)}</text>`),
    ...n.kindLines.map(
      (l, i) => `<text x="${box.x + box.w / 2}" y="${top + n.lines.length * 17 + 2 + i * 15}" text-anchor="middle" font-size="12" fill="${tenant ? '#dbeafe' : '#4b5563'}">${escapeHtml(l)}</text>`,
    ),
  ];
  return `<g><title>${escapeHtml(n.name)}</title><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="10" fill="${fill}" stroke="${tenant ? '#1d4ed8' : '#9ca3af'}" stroke-width="1.5"/>${texts.join('')}</g>`;
}

export function diagramSvg(layout: DiagramLayout): string {
  const parts: string[] = [];
  const states = [...new Set(layout.edges.map((e) => e.state))];
  parts.push(
    `<defs>${states
      .map((s) => `<marker id="arrow-${s}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${EDGE_COLOUR[s]}"/></marker>`)
      .join('')}</defs>`,
  );
  for (const z of layout.zones) {
    parts.push(
      `<rect x="${z.box.x}" y="${z.box.y}" width="${z.box.w}" height="${z.box.h}" rx="12" fill="none" stroke="#9ca3af" stroke-width="1.5" stroke-dasharray="6 5"/><text x="${z.box.x + 12}" y="${z.box.y + 19}" font-size="13" font-weight="600" fill="#4b5563">${escapeHtml(z.title)}</text>`,
    );
  }
  parts.push(node(layout.tenant, true), ...layout.nodes.map((n) => node(n, false)));
  for (const e of layout.edges) {
    const c = EDGE_COLOUR[e.state];
    const { label: l, cloudConnector: cc } = e;
    const cy = l.y + l.h / 2;
    const dash = e.state === 'not-configured' || e.state === 'stale' ? ' stroke-dasharray="7 5"' : '';
    parts.push(
      `<g data-edge="${e.number}"><title>Pathway ${e.number}: ${escapeHtml(l.text)}, ${EDGE_STATE_TEXT[e.state].text}</title>`,
      `<path d="${e.path}" fill="none" stroke="${c}" stroke-width="2"${dash} marker-end="url(#arrow-${e.state})"/>`,
      cc ? `<rect x="${cc.x}" y="${cc.y}" width="${cc.w}" height="${cc.h}" rx="4" fill="#fff" stroke="#6b7280" stroke-dasharray="3 2"/><text x="${cc.x + cc.w / 2}" y="${cc.y + cc.h / 2 + 4}" text-anchor="middle" font-size="11" fill="#4b5563">SCC</text>` : '',
      `<rect x="${l.x}" y="${l.y}" width="${l.w}" height="${l.h}" rx="8" fill="#f9fafb" stroke="${c}" stroke-width="1.5"/>`,
      `<circle cx="${l.x + 15}" cy="${cy}" r="9.5" fill="${c}"/><text x="${l.x + 15}" y="${cy + 4}" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${e.number}</text>`,
      `<text x="${l.x + 30}" y="${l.y + 15}" font-size="12" fill="#111827">${escapeHtml(l.lines[0])}</text>`,
      `<text x="${l.x + l.w - 13}" y="${l.y + 15}" text-anchor="middle" font-size="12" font-weight="700" fill="${c}">${EDGE_STATE_TEXT[e.state].icon}</text>`,
      `<text x="${l.x + 30}" y="${l.y + 30}" font-size="12" fill="#111827">${escapeHtml(l.lines[1])}</text>`,
      '</g>',
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-label="Landscape diagram" ${FONT}>${parts.join('')}</svg>`;
}
