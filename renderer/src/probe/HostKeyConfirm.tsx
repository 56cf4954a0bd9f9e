/**
 * Trust on first use, recorded: reads the host key the SFTP server presents, shows its SHA256
 * fingerprint and what CI will say about it, and pins it only after the consultant states who
 * compared the fingerprint out of band and how. Nothing is accepted silently.
 */
import { useState } from 'react';
import { formatDateTime } from '../components/format-date';
import { api } from '../api';
import type { HostKeyScan } from '../../../shared/ipc/hostkey-channels';
import type { HostKeyTrust } from '../../../shared/landscape/landscape-schema';

export function HostKeyConfirm({ landscapeId, pathwayId }: { landscapeId: string; pathwayId: string }) {
  const [scan, setScan] = useState<HostKeyScan | null>(null);
  const [pinned, setPinned] = useState<HostKeyTrust | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [by, setBy] = useState('');
  const [how, setHow] = useState('');
  const [compared, setCompared] = useState(false);
  const [added, setAdded] = useState(false);

  async function read() {
    setBusy(true);
    setError(null);
    setPinned(null);
    setAdded(false);
    const r = await api.scanHostKey({ landscapeId, pathwayId });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setScan(r.value);
    setCompared(false);
  }

  async function pin() {
    if (!scan) return;
    const r = await api.pinHostKey({ landscapeId, host: scan.host, port: scan.port, keyType: scan.keyType, fingerprint: scan.fingerprint, confirmedBy: by, confirmedHow: how });
    if (!r.ok) return setError(r.error.message);
    setPinned(r.value);
  }

  // The modelled CI known_hosts gets the line only once the key is pinned (confirmed out of band):
  // it is what the handover deploys to CI and what the probe judges CI's answer by.
  async function addToKnownHosts() {
    if (!scan) return;
    setError(null);
    const r = await api.addKnownHost({ landscape: landscapeId, line: scan.knownHostsLine });
    if (!r.ok) return setError(r.error.message);
    await read();
    setAdded(true);
  }

  const current = pinned ?? scan?.pinned;
  const sameAsPin = current && scan && current.fingerprint === scan.fingerprint;
  return (
    <section aria-labelledby={`hostkey-${pathwayId}`} className="hostkey-confirm">
      <h3 id={`hostkey-${pathwayId}`}>Host key</h3>
      <button type="button" onClick={() => void read()} disabled={busy}>
        {busy ? 'Reading…' : 'Read host key'}
      </button>
      {error && <p role="alert">{error}</p>}
      {scan && (
        <dl>
          <dt>Server</dt>
          <dd>{`${scan.host}:${scan.port}`}</dd>
          <dt>Key type</dt>
          <dd>{scan.keyType}</dd>
          <dt>Fingerprint</dt>
          <dd>
            <code data-testid="hostkey-fingerprint">{scan.fingerprint}</code>
          </dd>
          <dt>known_hosts line</dt>
          <dd>
            <code>{scan.knownHostsLine}</code>
          </dd>
          <dt>CI will say</dt>
          <dd data-testid="hostkey-ci-verdict">{scan.ciVerdict}</dd>
        </dl>
      )}
      {scan && current && (
        <p role="status" data-testid="hostkey-pin-state">
          {sameAsPin
            ? `Pinned: confirmed by ${current.confirmedBy} (${current.confirmedHow}) on ${formatDateTime(current.confirmedAt)}.`
            : `The server now presents a different key than the one confirmed (${current.fingerprint}). Re-confirm only after the administrator confirms a rotation.`}
        </p>
      )}
      {scan && sameAsPin && scan.ciStatus === 'missing' && (
        <div>
          <p>Cloud Integration’s known_hosts in this landscape has no entry for this server yet.</p>
          <button type="button" onClick={() => void addToKnownHosts()}>
            Add to Cloud Integration’s known_hosts
          </button>
        </div>
      )}
      {scan && sameAsPin && scan.ciStatus === 'match' && added && (
        <p role="status" data-testid="hostkey-known-hosts-added">
          Added to Cloud Integration’s known_hosts in this landscape. Upload that file in Cloud Integration (Monitor → Manage Security → Security Material → Upload → Known Hosts (SSH)); the handover pack includes it.
        </p>
      )}
      {scan && !sameAsPin && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void pin();
          }}
        >
          <p>Compare the fingerprint with the server’s administrator over another channel (phone, ticket, their console) before you pin it.</p>
          <label>
            Confirmed by
            <input value={by} onChange={(e) => setBy(e.target.value)} maxLength={200} />
          </label>
          <label>
            How it was confirmed
            <input value={how} onChange={(e) => setHow(e.target.value)} maxLength={500} />
          </label>
          <label>
            <input type="checkbox" checked={compared} onChange={(e) => setCompared(e.target.checked)} />I compared this fingerprint character by character
          </label>
          <button type="submit" disabled={!compared || !by.trim() || !how.trim()}>
            Pin host key
          </button>
        </form>
      )}
    </section>
  );
}
