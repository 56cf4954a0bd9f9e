import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The panel that opens under the diagram (in the flow, so it never hides an edge and the picture
 * keeps its size at 1280×800). Focus moves to its heading when it opens (the view returns focus to
 * the edge or node on close); Escape closes it from anywhere on the page.
 */
export function DetailPanel({ title, titleId, onClose, children }: { title: string; titleId: string; onClose: () => void; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [titleId]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="side-panel" role="region" aria-labelledby={titleId} data-testid="side-panel">
      <header>
        <h2 id={titleId} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close panel (Escape)">
          ✕
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </section>
  );
}
