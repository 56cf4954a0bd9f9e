/** Step 2: the certificate request (clientAuth), shown to copy and send to the CA. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api';

export function CsrStep({ keyId, onCsr }: { keyId: string; onCsr: (csrPem: string) => void }) {
  const [f, setF] = useState({ cn: '', o: '', ou: '', c: '', sans: '' });
  const [serverAuth, setServerAuth] = useState(false);
  const [csr, setCsr] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const field = (name: keyof typeof f, label: string) => (
    <label>{label}<input value={f[name]} onChange={(e) => setF({ ...f, [name]: e.target.value })} /></label>
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    const sans = f.sans.split(/[\s,]+/).filter(Boolean);
    const subject = { cn: f.cn, ...(f.o ? { o: f.o } : {}), ...(f.ou ? { ou: f.ou } : {}), ...(f.c ? { c: f.c } : {}) };
    const r = await api.createCsr({ key: keyId, subject, sans, serverAuth });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setCsr(r.value.csrPem);
    onCsr(r.value.csrPem);
  }

  async function copy() {
    // The CSR is public: copying it through the page's clipboard is fine.
    await navigator.clipboard.writeText(csr).then(() => setCopied(true), () => setCopied(false));
  }

  return (
    <form className="cred-form" aria-label="2. Certificate request" onSubmit={(e) => void submit(e)}>
      <h3>2. Certificate request</h3>
      {field('cn', 'Common name (CN)')}
      {field('o', 'Organization (O)')}
      {field('ou', 'Organizational unit (OU)')}
      {field('c', 'Country (C, two letters)')}
      {field('sans', 'Subject alternative names (comma-separated)')}
      <label><input type="checkbox" checked={serverAuth} onChange={(e) => setServerAuth(e.target.checked)} /> Also serverAuth</label>
      <button type="submit" disabled={!f.cn.trim()}>Create CSR</button>
      {error && <p role="alert">{error}</p>}
      {csr && (
        <>
          <label>CSR (send it to your CA)<textarea readOnly value={csr} rows={8} data-testid="csr-pem" /></label>
          <button type="button" onClick={() => void copy()}>{copied ? 'Copied' : 'Copy CSR'}</button>
        </>
      )}
    </form>
  );
}
