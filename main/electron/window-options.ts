// The main window's options. The webPreferences are the security boundary between the UI and
// the machine: an isolated, sandboxed renderer without Node, talking to main only through the
// preload's contract functions. They are written out in full (not left to defaults) so a test
// can assert each one and a future default change cannot loosen them.
// https://www.electronjs.org/docs/latest/tutorial/security
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 800, height: 560 } as const;

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

export interface MainWindowOptionsInput {
  preloadPath: string;
  devTools: boolean;
  bounds?: WindowBounds;
  backgroundColor?: string;
}

export function mainWindowOptions(o: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const b = o.bounds ?? DEFAULT_SIZE;
  return {
    ...(o.bounds?.x !== undefined && o.bounds.y !== undefined ? { x: o.bounds.x, y: o.bounds.y } : {}),
    width: b.width,
    height: b.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Onramp',
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: o.backgroundColor ?? '#1b1f24',
    webPreferences: secureWebPreferences(o.preloadPath, o.devTools),
  };
}

const overlap = (a: Rectangle, b: Rectangle) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Saved bounds made safe to reuse: sizes clamped to the minimum and to the largest screen, and
 * the position dropped (the window is centred) unless at least half of its top-left 100×100 px
 * is on a screen that still exists: a monitor unplugged since last time must not hide it.
 */
export function restoreBounds(
  saved: WindowBounds | undefined,
  workAreas: readonly Rectangle[],
): WindowBounds {
  if (!saved) return { ...DEFAULT_SIZE };
  const maxW = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(Math.round(saved.width), MIN_SIZE.width), maxW);
  const height = Math.min(Math.max(Math.round(saved.height), MIN_SIZE.height), maxH);
  const out: WindowBounds = { width, height, ...(saved.maximized ? { maximized: true } : {}) };
  if (saved.x === undefined || saved.y === undefined) return out;
  const titleArea = { x: saved.x, y: saved.y, width: Math.min(width, 100), height: 100 };
  const visible = workAreas.some((a) => overlap(titleArea, a) >= 100 * Math.min(width, 100) * 0.5);
  return visible ? { ...out, x: Math.round(saved.x), y: Math.round(saved.y) } : out;
}
