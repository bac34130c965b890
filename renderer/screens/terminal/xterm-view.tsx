// An xterm.js terminal with fit, web-links and search, themed from the app's CSS variables and
// re-themed when the app switches between light and dark. This module (and xterm with it) is
// only reached through dynamic imports, so it stays out of the initial bundle.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import '@xterm/xterm/css/xterm.css';

export interface XTermHandle {
  term: Terminal;
  fit(): void;
}

function cssTheme(): ITheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim() || undefined;
  return {
    background: v('--term-bg'),
    foreground: v('--term-fg'),
    cursor: v('--term-fg'),
    selectionBackground: v('--term-selection'),
    red: v('--term-red'),
    brightRed: v('--term-red'),
    green: v('--term-green'),
    brightGreen: v('--term-green'),
    yellow: v('--term-yellow'),
    blue: v('--term-blue'),
    cyan: v('--term-cyan'),
  };
}

export function XTermView(props: {
  label: string;
  interactive?: boolean;
  onReady(h: XTermHandle): void | (() => void);
  onResize?(cols: number, rows: number): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const search = useRef<SearchAddon>();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<boolean | null>(null);
  const { onReady, onResize, interactive, label } = props;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const term = new Terminal({
      convertEol: true,
      disableStdin: !interactive,
      cursorBlink: !!interactive,
      cursorStyle: interactive ? 'block' : 'underline',
      fontFamily: 'ui-monospace, "SF Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      scrollback: 10_000,
      theme: cssTheme(),
    });
    const fit = new FitAddon();
    const s = new SearchAddon();
    term.loadAddon(fit);
    term.loadAddon(s);
    // Links open outside the app (Electron's window-open handler sends them to the browser).
    term.loadAddon(new WebLinksAddon((_e, uri) => window.open(uri, '_blank', 'noopener,noreferrer')));
    term.open(el);
    term.textarea?.setAttribute('aria-label', label);
    search.current = s;
    const doFit = () => {
      try {
        fit.fit();
      } catch {
        /* not laid out yet (hidden tab): the next resize fits it */
      }
    };
    doFit();
    const ro = new ResizeObserver(doFit);
    ro.observe(el);
    const sizeSub = term.onResize(({ cols, rows }) => onResize?.(cols, rows));
    const retheme = () => (term.options.theme = cssTheme());
    const mo = new MutationObserver(retheme);
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    mq.addEventListener('change', retheme);
    const cleanup = onReady({ term, fit: doFit });
    return () => {
      cleanup?.();
      sizeSub.dispose();
      ro.disconnect();
      mo.disconnect();
      mq.removeEventListener('change', retheme);
      term.dispose();
    };
    // one terminal per mount: handlers are read once, like the DOM node
  }, []);

  const find = (dir: 'next' | 'prev', e?: FormEvent) => {
    e?.preventDefault();
    if (!query || !search.current) return;
    setFound(dir === 'next' ? search.current.findNext(query) : search.current.findPrevious(query));
  };

  return (
    <div className="xterm-wrap">
      <form
        className="term-search"
        role="search"
        aria-label={`Search ${label}`}
        onSubmit={(e) => find('next', e)}
      >
        <input
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setFound(null);
          }}
          placeholder="Search output"
          aria-label="Search the terminal output"
        />
        <button type="submit" className="btn small">
          Next
        </button>
        <button type="button" className="btn small ghost" onClick={() => find('prev')}>
          Previous
        </button>
        <span className="small muted" role="status">
          {found === false ? 'No match' : ''}
        </span>
      </form>
      <div className="xterm-box" ref={box} data-testid="xterm" />
    </div>
  );
}
