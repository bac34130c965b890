// The app shell: a sidebar with the screens, the active screen, a skip link, and a banner when
// the browser-mode connection drops. Focus moves to the new screen's heading on navigation so
// keyboard and screen-reader users land where the content changed.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useConnection, useConnectionState, useEvent } from './connection';
import { hrefOf, navigate, screens, useRoute, type ScreenId } from './routes';
import { setupDone } from './first-run';
import { useLoad } from './use-remote';
import { useTheme } from './theme';
import { ScreenIcon } from '../ui/icons';
import { Busy, useDelayed } from '../ui/busy';
import { Dashboard } from '../screens/dashboard/dashboard';
import { Troubleshoot } from '../screens/troubleshoot/troubleshoot';
import { Credentials } from '../screens/credentials/credentials';
import { History } from '../screens/history/history';
import { SetupWizard } from '../screens/setup/setup-wizard';

// xterm and its addons load only when the Terminal is opened (a separate chunk).
const TerminalScreen = lazy(() =>
  import('../screens/terminal/terminal-screen').then((m) => ({ default: m.TerminalScreen })),
);

function ScreenFor({ id, params }: { id: ScreenId; params: Record<string, string> }) {
  switch (id) {
    case 'dashboard':
      return <Dashboard params={params} />;
    case 'troubleshoot':
      return <Troubleshoot params={params} />;
    case 'credentials':
      return <Credentials />;
    case 'history':
      return <History />;
    case 'terminal':
      return (
        <Suspense fallback={<Busy active>Loading the terminal…</Busy>}>
          <TerminalScreen params={params} />
        </Suspense>
      );
    case 'setup':
      return <SetupWizard key={params.import ?? ''} params={params} />;
  }
}

const themeLabels = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' } as const;

export function App() {
  const route = useRoute(() => (setupDone() ? 'dashboard' : 'setup'));
  const connection = useConnection();
  const connState = useConnectionState();
  // the first connect takes a few ms: only a connection that stays down deserves a banner
  const showConn = useDelayed(connState !== 'open', 1000);
  const theme = useTheme();
  const info = useLoad('app.info', {});
  // onramp://import?url=… (desktop app): open the wizard with the profile's address filled in;
  // nothing is fetched until the person presses Next
  useEvent('deeplink.import', (p) => navigate('setup', { import: p.url }));
  const main = useRef<HTMLElement>(null);
  // Compared with the last screen rather than "skip the first run": StrictMode runs effects
  // twice in development, and the first paint must not steal focus from the document start.
  const lastScreen = useRef(route.screen);

  useEffect(() => {
    if (lastScreen.current === route.screen) return;
    lastScreen.current = route.screen;
    main.current?.querySelector<HTMLElement>('h1')?.focus();
    // Keyed on the screen only: a params change (a module typed into the route box) must not
    // pull focus away from the field being typed in.
  }, [route.screen]);

  const current = screens.find((s) => s.id === route.screen);
  useEffect(() => {
    document.title = current ? `${current.title} · Onramp` : 'Onramp';
  }, [current]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // the hash is the router's: focus the content without navigating
          e.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⟶
          </span>
          <span className="brand-name">Onramp</span>
        </div>
        <ul className="nav-list">
          {screens.map((s) => (
            <li key={s.id}>
              <a
                href={hrefOf(s.id)}
                className="nav-item"
                aria-current={s.id === route.screen ? 'page' : undefined}
              >
                <ScreenIcon id={s.id} />
                <span>{s.title}</span>
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-foot">
          <button
            type="button"
            className="btn ghost theme-toggle"
            onClick={theme.cycle}
            aria-label={`${themeLabels[theme.choice]}. Switch to ${themeLabels[theme.next].toLowerCase()}`}
          >
            <span aria-hidden="true">
              {theme.choice === 'dark' ? '☾' : theme.choice === 'light' ? '☀' : '◐'}
            </span>
            <span>{themeLabels[theme.choice]}</span>
          </button>
          <p className="transport small muted">
            {connection.transport === 'electron' ? 'Desktop app' : 'Browser mode (loopback)'}
            {info.remote.state === 'ok' && (
              <span className="version">Onramp {info.remote.value.version}</span>
            )}
          </p>
        </div>
      </nav>
      <main id="main" ref={main} tabIndex={-1} className="main">
        {showConn && connState !== 'open' && (
          <div className="conn-banner" role="status">
            {connState === 'connecting'
              ? 'Connecting to Onramp…'
              : 'Connection to Onramp lost. Reconnecting… (is `onramp web` still running?)'}
          </div>
        )}
        <div className="screen" key={route.screen}>
          <ScreenFor id={route.screen} params={route.params} />
        </div>
      </main>
    </div>
  );
}
