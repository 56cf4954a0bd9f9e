/** Step 3: paste (or drop) the CA's signed answer; main pairs it with the waiting key. */
import { useState, type DragEvent, type FormEvent } from 'react';
import { formatDate } from '../../components/format-date';
import type { PairingResult } from '../../../../shared/certs/material-responses';
import { api } from '../../api';
import { FindingList } from './FindingList';

export function AnswerStep({ keyId, onPaired }: { keyId: string; onPaired: (r: PairingResult) => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<PairingResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.pairCertificate({ text, key: keyId });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setResult(r.value);
    onPaired(r.value);
  }

  async function drop(e: DragEvent) {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) setText(await file.text());
  }

  return (
    <form className="cred-form" aria-label="3. Signed certificate" onSubmit={(e) => void submit(e)} onDragOver={(e) => e.preventDefault()} onDrop={(e) => void drop(e)}>
      <h3>3. Signed certificate</h3>
      <label>
        The CA&apos;s answer (PEM, with its chain if you have it)
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={6} spellCheck={false} />
      </label>
      <button type="submit" disabled={!text.includes('BEGIN')}>Pair with key</button>
      {error && <p role="alert">{error}</p>}
      {result && (
        <div role="status" data-testid="pairing-result">
          <p>Paired: {result.chain[0]?.facts.subject}, valid until {result.chain[0] ? formatDate(result.chain[0].facts.notAfter) : '—'}.</p>
          <ol aria-label="Chain">
            {result.chain.map((c) => <li key={c.facts.fingerprintSha256}>{c.facts.subject}</li>)}
          </ol>
          <p>{result.complete ? 'Chain complete.' : `Chain incomplete: the certificate of "${result.missingIssuer}" is missing.`}</p>
          <FindingList findings={result.findings} />
        </div>
      )}
    </form>
  );
}
