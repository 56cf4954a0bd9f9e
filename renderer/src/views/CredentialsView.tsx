import { EmptyState } from '../components/EmptyState';

export function CredentialsView() {
  return (
    <EmptyState title="No credentials yet">
      Credentials are kept in your operating system&apos;s keychain; this list will show their labels and
      fingerprints, never the secrets themselves.
    </EmptyState>
  );
}
