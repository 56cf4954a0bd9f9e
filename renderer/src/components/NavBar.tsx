export type ViewId = 'landscape' | 'credentials' | 'certificates' | 'settings';

const ITEMS: { id: ViewId; label: string }[] = [
  { id: 'landscape', label: 'Landscape' },
  { id: 'credentials', label: 'Credentials' },
  { id: 'certificates', label: 'Certificates' },
  { id: 'settings', label: 'Settings' },
];

export function NavBar({ current, onSelect }: { current: ViewId; onSelect: (id: ViewId) => void }) {
  return (
    <nav className="nav" aria-label="Main">
      <div className="brand">Landscape Setup</div>
      <ul>
        {ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={item.id === current ? 'nav-item active' : 'nav-item'}
              aria-current={item.id === current ? 'page' : undefined}
              onClick={() => onSelect(item.id)}
            >
              {item.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
