import { useState } from 'react';
import { NavBar, type ViewId } from './components/NavBar';
import { LandscapeView } from './views/LandscapeView';
import { CredentialsView } from './views/CredentialsView';
import { CertificatesView } from './views/CertificatesView';
import { SettingsView } from './views/SettingsView';

export function App() {
  const [view, setView] = useState<ViewId>('landscape');
  return (
    <div className="app">
      <NavBar current={view} onSelect={setView} />
      <main className="content" aria-live="polite">
        {view === 'landscape' && <LandscapeView />}
        {view === 'credentials' && <CredentialsView />}
        {view === 'certificates' && <CertificatesView />}
        {view === 'settings' && <SettingsView />}
      </main>
    </div>
  );
}
