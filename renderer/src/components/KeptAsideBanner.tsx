import { useEffect, useState } from 'react';
import type { KeptAsideFile } from '../../../shared/ipc/app-channels';
import { api } from '../api';

/**
 * Tells the user when a data file could not be read and was kept aside, on every start until the
 * file is dealt with: nothing is ever reset silently. `refreshKey` re-checks (e.g. on navigation).
 */
export function KeptAsideBanner({ refreshKey }: { refreshKey: string }) {
  const [files, setFiles] = useState<KeptAsideFile[]>([]);
  const [dataDir, setDataDir] = useState('');
  useEffect(() => {
    let live = true;
    void api.appInfo().then((r) => {
      if (!live || !r.ok) return;
      setFiles(r.value.keptAside);
      setDataDir(r.value.dataDir);
    });
    return () => {
      live = false;
    };
  }, [refreshKey]);
  if (files.length === 0) return null;
  return (
    <div role="alert" className="banner banner-warning" data-testid="kept-aside">
      <strong>⚠ Some saved data could not be read and was kept aside.</strong>
      <ul>
        {files.map((f) => (
          <li key={f.keptAs}>
            {f.document} → kept as {f.keptAs}
          </li>
        ))}
      </ul>
      <small>
        The app started with an empty {files.map((f) => f.document).join(', ')}; your old file is untouched in {dataDir}. The reason is in
        logs/main.log.
      </small>
    </div>
  );
}
