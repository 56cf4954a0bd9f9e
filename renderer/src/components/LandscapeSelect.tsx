/**
 * The one "Landscape" picker of the views that act on a chosen landscape (Trust, applying a service
 * key): a labelled select of the landscapes by name, so every screen words and orders them alike.
 */
import type { LandscapeSummary } from '../../../shared/landscape';

export function LandscapeSelect({ landscapes, value, onChange, className }: { landscapes: readonly Pick<LandscapeSummary, 'id' | 'name'>[]; value: string; onChange: (id: string) => void; className?: string }) {
  return (
    <label className={className}>
      Landscape
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {landscapes.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
