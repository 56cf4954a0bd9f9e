/** The guided "new client certificate" flow: key → CSR → signed answer → PKCS#12. */
import { useState } from 'react';
import type { CredentialMeta } from '../../../../shared/vault/credential-kinds';
import { AnswerStep } from './AnswerStep';
import { CsrStep } from './CsrStep';
import { ExportStep } from './ExportStep';
import { KeyStep } from './KeyStep';

/** `resume`: a key that waited for its certificate (e.g. across a restart): the CSR and answer steps open for it. */
export function NewCertificateFlow({ onChanged, resume }: { onChanged: () => void; resume?: CredentialMeta | null }) {
  const [key, setKey] = useState<CredentialMeta | null>(resume ?? null);
  const [csrDone, setCsrDone] = useState(Boolean(resume));
  const [pairedId, setPairedId] = useState<string | null>(null);

  return (
    <section aria-labelledby="new-cert-title" className="new-cert-flow">
      <h2 id="new-cert-title">{resume ? `Continue with “${resume.label}”` : 'New client certificate'}</h2>
      {!key ? (
        <KeyStep onCreated={(k) => { setKey(k); onChanged(); }} />
      ) : (
        <p className="muted">Key “{key.label}” ({key.keyAlgorithm}) is in the keychain.{resume ? ' Create its request again if you need it, or paste the CA’s answer.' : ''}</p>
      )}
      {key && <CsrStep keyId={key.id} onCsr={() => setCsrDone(true)} />}
      {key && csrDone && <AnswerStep keyId={key.id} onPaired={(r) => { setPairedId(r.credential.id); onChanged(); }} />}
      {key && pairedId && <ExportStep keyId={pairedId} defaultAlias={key.label.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')} />}
    </section>
  );
}
