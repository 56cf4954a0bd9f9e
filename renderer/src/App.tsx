import { lazy, Suspense, useState } from 'react';
import { NavBar, type ViewId } from './components/NavBar';
import { KeptAsideBanner } from './components/KeptAsideBanner';
import { LandscapeView } from './views/LandscapeView';

// The diagram is the first screen, so it is in the initial bundle; the other views load when
// first opened, which keeps the first render of the diagram small.
const CredentialsView = lazy(() => import('./views/CredentialsView').then((m) => ({ default: m.CredentialsView })));
const CertificatesView = lazy(() => import('./views/CertificatesView').then((m) => ({ default: m.CertificatesView })));
const TrustView = lazy(() => import('./views/TrustView').then((m) => ({ default: m.TrustView })));
const SettingsView = lazy(() => import('./views/SettingsView').then((m) => ({ default: m.SettingsView })));

export function App() {
  const [view, setView] = useState<ViewId>('landscape');
  return (
    <div className="app">
      <header className="shell-bar">
        <span className="brand-mark" aria-hidden="true">LS</span>
        <span className="brand">Landscape Setup</span>
        <span className="shell-context">SAP Cloud Integration connections</span>
      </header>
      <NavBar current={view} onSelect={setView} />
      <main className="content">
        <KeptAsideBanner refreshKey={view} />
        <Suspense fallback={<p role="status">Loading…</p>}>
          {view === 'landscape' && <LandscapeView />}
          {view === 'credentials' && <CredentialsView />}
          {view === 'certificates' && <CertificatesView />}
          {view === 'trust' && <TrustView />}
          {view === 'settings' && <SettingsView />}
        </Suspense>
      </main>
    </div>
  );
}
