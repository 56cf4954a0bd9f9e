/** The secret the user asked to see, rendered as text and nothing else (no input, no storage). */
export function RevealedSecret({ values }: { values: Record<string, string> }) {
  return (
    <dl className="cred-revealed" data-testid="revealed-secret">
      {Object.entries(values).map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
