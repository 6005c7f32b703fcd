import { PrefetchLink } from '@perfkit/react/router';
import { Outlet, useLocation, useNavigation } from 'react-router-dom';

const PAGES = [
  { to: '/', label: 'Home' },
  { to: '/feed', label: 'Feed' },
  { to: '/shop', label: 'Shop' },
  { to: '/chat', label: 'Chat' },
  { to: '/videos', label: 'Videos' },
  { to: '/upload', label: 'Upload' },
] as const;

function isCurrent(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function Layout() {
  const { pathname } = useLocation();
  // A lazy route's chunk is fetched before the router moves: say so, rather than look frozen.
  const isNavigating = useNavigation().state === 'loading';
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="site-header">
        <nav aria-label="Main">
          <ul>
            {PAGES.map(({ to, label }) => (
              <li key={to}>
                <PrefetchLink to={to} aria-current={isCurrent(pathname, to) ? 'page' : undefined}>
                  {label}
                </PrefetchLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <div className="progress" role="status" aria-live="polite">
        {isNavigating && <span className="progress__bar">Loading page…</span>}
      </div>
      <main id="content">
        <Outlet />
      </main>
    </>
  );
}
