// Navigation icons as inline SVG (no icon font, no network) and the doctor's ✓ ! ✗ glyphs.
import type { ScreenId } from '../app/routes';

const paths: Record<ScreenId, string> = {
  dashboard: 'M3 3h7v7H3zM14 3h7v4h-7zM14 10h7v11h-7zM3 13h7v8H3z',
  troubleshoot: 'M14.7 6.3a4 4 0 0 0-5.4 5.4L3 18v3h3l6.3-6.3a4 4 0 0 0 5.4-5.4l-2.6 2.6-2.4-.6-.6-2.4z',
  credentials: 'M15 7a4 4 0 1 1-3.9 5H3v3h3v3h3v-3h2.1A4 4 0 0 1 15 7zm1 3a1 1 0 1 0 0-.01z',
  history:
    'M12 3a9 9 0 1 1-9 9h2a7 7 0 1 0 2.05-4.95L9 9H3V3l2.64 2.64A8.97 8.97 0 0 1 12 3zm-1 4h2v5l4 2-1 1.7-5-2.7z',
  terminal: 'M3 4h18v16H3zm2 2v12h14V6zm2 3 3 3-3 3 1.4 1.4L12.8 12 8.4 7.6zm5 6h5v2h-5z',
  setup:
    'M5 19 17 7l2 2L7 21zM15 3l.8 1.7L17.5 5.5l-1.7.8L15 8l-.8-1.7L12.5 5.5l1.7-.8zM20 10l.6 1.4 1.4.6-1.4.6L20 14l-.6-1.4L18 12l1.4-.6z',
};

export function ScreenIcon({ id }: { id: ScreenId }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={paths[id]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

export type Verdict = 'ok' | 'warning' | 'error' | 'pending' | 'running';

const glyphs: Record<Verdict, { text: string; label: string }> = {
  ok: { text: '✓', label: 'passed' },
  warning: { text: '!', label: 'warning' },
  error: { text: '✗', label: 'failed' },
  pending: { text: '·', label: 'waiting' },
  running: { text: '…', label: 'running' },
};

/** ✓ ! ✗ in a coloured disc, with a text label for assistive tech. */
export function Glyph({ verdict, label }: { verdict: Verdict; label?: string }) {
  const g = glyphs[verdict];
  return (
    <span className={`glyph ${verdict}`} role="img" aria-label={label ?? g.label}>
      {g.text}
    </span>
  );
}
