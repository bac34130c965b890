// Every web contents stays on our pages: navigation anywhere but app://onramp/ is cancelled,
// new windows are never created, <webview> never attaches. A link to an allowed https host is
// handed to the user's browser instead (see external-links.ts). The handlers are plain
// functions over the few members they use, so tests drive them with stand-ins.
// https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';
import { externalUrlToOpen } from './external-links';

export interface LinkPolicy {
  /** hosts of the loaded profile, on top of the built-in list */
  externalHosts(): Iterable<string>;
  openExternal(url: string): Promise<void>;
  log?(message: string): void;
}

/** The part of an Electron navigation event we read: Event<WebContentsWillNavigateEventParams>. */
export interface NavigationEventLike {
  readonly url: string;
  preventDefault(): void;
}

/** Event<WebContentsWillFrameNavigateEventParams>: fired for every frame, the main one included. */
export interface FrameNavigationEventLike extends NavigationEventLike {
  readonly isMainFrame: boolean;
}

export interface GuardedContentsLike {
  /** WebContents.id: unique for the app's lifetime, whichever JS wrapper carries it */
  readonly id?: number;
  on(event: 'will-navigate', listener: (e: NavigationEventLike) => void): unknown;
  on(event: 'will-frame-navigate', listener: (e: FrameNavigationEventLike) => void): unknown;
  on(event: 'will-redirect', listener: (e: NavigationEventLike) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
}

/** Opens `url` in the user's browser when the policy allows it; true when it did. */
export function openIfAllowed(url: string, policy: LinkPolicy): boolean {
  const safe = externalUrlToOpen(url, policy.externalHosts());
  if (safe === null) {
    policy.log?.(`blocked a link to ${JSON.stringify(String(url).slice(0, 200))}`);
    return false;
  }
  policy.openExternal(safe).catch((e: unknown) => policy.log?.(`could not open ${safe}: ${String(e)}`));
  return true;
}

/** setWindowOpenHandler: never a new Electron window; allowed links go to the browser. */
export function windowOpenHandler(policy: LinkPolicy) {
  return (details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse => {
    openIfAllowed(details.url, policy);
    return { action: 'deny' };
  };
}

/** will-navigate / will-frame-navigate: only our own origin; allowed links go to the browser. */
export function navigationHandler(policy: LinkPolicy) {
  return (e: NavigationEventLike): void => {
    if (isAppUrl(e.url)) return;
    e.preventDefault();
    openIfAllowed(e.url, policy);
  };
}

/**
 * will-frame-navigate: sub-frames (CSP frame-src 'none' should make them impossible) stay on our
 * origin and never open anything; the main frame is will-navigate's, so a click opens one tab.
 */
export function frameNavigationHandler(policy: LinkPolicy) {
  return (e: FrameNavigationEventLike): void => {
    if (e.isMainFrame || isAppUrl(e.url)) return;
    e.preventDefault();
    policy.log?.(`blocked a frame navigation to ${JSON.stringify(String(e.url).slice(0, 200))}`);
  };
}

/** will-redirect: a redirect is never a user's click, so it is only ever allowed within the app. */
export function redirectHandler(policy: LinkPolicy) {
  return (e: NavigationEventLike): void => {
    if (isAppUrl(e.url)) return;
    e.preventDefault();
    policy.log?.(`blocked a redirect to ${JSON.stringify(String(e.url).slice(0, 200))}`);
  };
}

const guardedObjects = new WeakSet<object>();
const guardedIds = new Set<number>();

/**
 * Installs the guards once per web contents: both app 'web-contents-created' and the window
 * factory call this for the main window, and twice-installed handlers would open a link twice.
 */
export function guardWebContents(contents: GuardedContentsLike, policy: LinkPolicy): void {
  if (guardedObjects.has(contents) || (contents.id !== undefined && guardedIds.has(contents.id))) return;
  guardedObjects.add(contents);
  if (contents.id !== undefined) guardedIds.add(contents.id);
  contents.on('will-navigate', navigationHandler(policy));
  contents.on('will-frame-navigate', frameNavigationHandler(policy));
  contents.on('will-redirect', redirectHandler(policy));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(policy));
}
