import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/app-channels';
import { api } from '../api';

export function SettingsView() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.appInfo().then((r) => (r.ok ? setInfo(r.value) : setError(r.error.message)));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!info) return <p>Loading…</p>;
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <dl className="facts">
        <dt>Version</dt>
        <dd>{info.version}</dd>
        <dt>Platform</dt>
        <dd>{info.platform}</dd>
        <dt>Data directory</dt>
        <dd data-testid="data-dir">{info.dataDir}</dd>
        <dt>Keychain</dt>
        <dd data-testid="keychain-status">
          {info.keychain.state === 'available' ? (
            <>✔ available ({info.keychain.backend})</>
          ) : (
            <>
              ✖ unavailable — {info.keychain.reason}
              <br />
              <small>{info.keychain.hint}</small>
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}
