import type { CredentialMeta } from '../../../../shared/vault/credential-kinds';
import type { CredentialUsage } from '../../../../shared/vault/credential-responses';
import { EmptyState } from '../../components/EmptyState';
import { CredentialRow } from './CredentialRow';

interface Props {
  credentials: CredentialMeta[];
  usage: Record<string, CredentialUsage[]>;
  onChanged: () => void;
}

export function CredentialList({ credentials, usage, onChanged }: Props) {
  if (credentials.length === 0) {
    return <EmptyState title="No credentials yet">Add a Basic credential below, or import a BTP service key.</EmptyState>;
  }
  return (
    <table className="cred-table" aria-label="Credentials">
      <thead>
        <tr>
          <th scope="col">Label</th>
          <th scope="col">Kind</th>
          <th scope="col">User / client / subject</th>
          <th scope="col">Valid until</th>
          <th scope="col">Used by</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {credentials.map((c) => (
          <CredentialRow key={c.id} credential={c} usage={usage[c.id] ?? []} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
  );
}
