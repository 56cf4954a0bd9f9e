/** The guided "new client certificate" flow: key → CSR → signed answer → PKCS#12. */
import { useState } from 'react';
import type { CredentialMeta } from '../../../../shared/vault/credential-kinds';
import { AnswerStep } from './AnswerStep';
import { CsrStep } from './CsrStep';
import { ExportStep } from './ExportStep';
import { KeyStep } from './KeyStep';

export function NewCertificateFlow({ onChanged }: { onChanged: () => void }) {
  const [key, setKey] = useState<CredentialMeta | null>(null);
  const [csrDone, setCsrDone] = useState(false);
  const [pairedId, setPairedId] = useState<string | null>(null);

  return (
    <section aria-labelledby="new-cert-title" className="new-cert-flow">
      <h2 id="new-cert-title">New client certificate</h2>
      {!key ? (
        <KeyStep onCreated={(k) => { setKey(k); onChanged(); }} />
      ) : (
        <p className="muted">Key “{key.label}” ({key.keyAlgorithm}) is in the keychain.</p>
      )}
      {key && <CsrStep keyId={key.id} onCsr={() => setCsrDone(true)} />}
      {key && csrDone && <AnswerStep keyId={key.id} onPaired={(r) => { setPairedId(r.credential.id); onChanged(); }} />}
      {key && pairedId && <ExportStep keyId={pairedId} defaultAlias={key.label.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')} />}
    </section>
  );
}
