export type ViewId = 'landscape' | 'credentials' | 'certificates' | 'trust' | 'settings';

// Icons are text glyphs (no icon font, no bytes): below 1100 px only they show, the label stays the
// button's accessible name.
const ITEMS: { id: ViewId; label: string; icon: string }[] = [
  { id: 'landscape', label: 'Landscape', icon: '◈' },
  { id: 'credentials', label: 'Credentials', icon: '⚷' },
  { id: 'certificates', label: 'Certificates', icon: '✎' },
  { id: 'trust', label: 'Trust', icon: '◎' },
  { id: 'settings', label: 'Settings', icon: '⚙' },
];

export function NavBar({ current, onSelect }: { current: ViewId; onSelect: (id: ViewId) => void }) {
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {ITEMS.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className={item.id === current ? 'nav-item active' : 'nav-item'}
              aria-current={item.id === current ? 'page' : undefined}
              title={item.label}
              onClick={() => onSelect(item.id)}
            >
              <span className="nav-icon" aria-hidden="true">
                {item.icon}
              </span>
              <span className="nav-label">{item.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
