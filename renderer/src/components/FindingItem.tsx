import { WHERE_TO_FIX_LABELS, type Finding } from '../../../shared/probe/probe-types';
import { FIELD_LABELS, type ConfigField } from '../diagram/config-fields';

const SEVERITY: Record<Finding['severity'], string> = { error: '✖ Error', warning: '⚠ Warning', info: 'ℹ Note' };

/** The direction panel's input for a finding's field, when it is on the page. */
function fieldInput(field: string): HTMLElement | null {
  return document.getElementById(`cfg-${field}`);
}

/**
 * One finding as every list shows it: severity in words (not colour alone), the fix and where.
 * When the fix is a field of this app, the place is a button that focuses that field.
 */
export function FindingItem({ finding: f }: { finding: Finding }) {
  const label = f.field && f.whereToFix === 'this-app' ? FIELD_LABELS[f.field as ConfigField] : undefined;
  return (
    <li className={`severity-${f.severity}`} data-code={f.code}>
      <strong>{SEVERITY[f.severity]}:</strong> {f.message}
      <span className="fix">
        {label ? (
          <>
            Fix in this app,{' '}
            <button type="button" className="link-button" onClick={() => { const el = fieldInput(f.field ?? ''); el?.scrollIntoView({ block: 'center' }); el?.focus(); }}>
              field {label}
            </button>
            : {f.fix}
          </>
        ) : (
          <>Fix in {WHERE_TO_FIX_LABELS[f.whereToFix]}: {f.fix}</>
        )}
      </span>
      {f.literal && <code className="probe-literal">{f.literal}</code>}
    </li>
  );
}
