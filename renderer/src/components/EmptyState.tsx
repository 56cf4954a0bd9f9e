import type { ReactNode } from 'react';

/** An honest empty state: what is missing, why it matters, and the one action that fixes it. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <p>{children}</p>
      {action}
    </section>
  );
}
