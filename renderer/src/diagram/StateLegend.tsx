import { EDGE_STATE_TEXT } from '../../../shared/diagram/from-landscape';
import type { EdgeState } from '../../../shared/diagram/diagram-types';

/** What the glyphs on the edges mean; the same glyph and text the accessible names use. */
export function StateLegend() {
  return (
    <ul className="state-legend" aria-label="Edge states">
      {(Object.keys(EDGE_STATE_TEXT) as EdgeState[]).map((s) => (
        <li key={s} className={`state-${s}`}>
          <span className="glyph" aria-hidden="true">
            {EDGE_STATE_TEXT[s].icon}
          </span>
          {EDGE_STATE_TEXT[s].text}
        </li>
      ))}
      <li>
        <span className="glyph" aria-hidden="true">
          ➝
        </span>
        arrow = direction the call goes (inbound: to Cloud Integration)
      </li>
      <li>SCC = the leg goes through the SAP Cloud Connector</li>
    </ul>
  );
}
