import type { GeneratedPassword } from '../../../../shared/vault/credential-responses';

/** What the generated password satisfies — described, never shown. */
export function PasswordRules({ generated }: { generated: GeneratedPassword }) {
  const mark = (ok: boolean) => (ok ? '✔' : '✖');
  return (
    <p className="muted" data-testid="generated-password">
      A {generated.length}-character password ({generated.classes.join(', ')}) is ready in main. {mark(generated.checks.keystore.ok)} Cloud
      Integration keystore rule · {mark(generated.checks.userCredentials.ok)} User Credentials (≤ 255)
    </p>
  );
}
