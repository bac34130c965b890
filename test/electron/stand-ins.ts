// Stand-ins for the Electron objects the shell touches. They record what was asked of them and
// let a test fire the events Electron would. No test in this folder loads the real 'electron'
// module at run time (it would look for the missing binary): only `import type`.
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Protocol,
  Rectangle,
  WindowOpenHandlerResponse,
} from 'electron';
import { APP_ENTRY_URL } from '../../main/electron/app-origin';
import type { FrameLike } from '../../main/electron/ipc';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyListener = (...args: any[]) => unknown;

export class Emitter {
  readonly listeners = new Map<string, AnyListener[]>();
  on(event: string, listener: AnyListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: AnyListener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A navigation event as Electron passes it (Event<…Params>). */
export function navEvent<T extends object>(url: string, extra?: T) {
  const e = {
    url,
    defaultPrevented: false,
    preventDefault: () => {
      e.defaultPrevented = true;
    },
    ...(extra ?? ({} as T)),
  };
  return e;
}

let nextProcessId = 10;

export class StandInFrame implements FrameLike {
  constructor(
    public url: string,
    public parent: StandInFrame | null = null,
    public processId = nextProcessId++,
    public routingId = 1,
  ) {}
}

export class StandInWebContents extends Emitter {
  url = '';
  destroyed = false;
  readonly mainFrame = new StandInFrame(APP_ENTRY_URL);
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler?: (details: HandlerDetails) => WindowOpenHandlerResponse;
  setWindowOpenHandler(h: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = h;
  }
  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  /** What loading our page looks like to listeners. */
  finishLoad(url = APP_ENTRY_URL): void {
    this.url = url;
    this.mainFrame.url = url;
    this.emit('did-finish-load');
  }
}

export class StandInWindow extends Emitter {
  static readonly created: StandInWindow[] = [];
  readonly webContents = new StandInWebContents();
  readonly loaded: string[] = [];
  shown = false;
  maximized = false;
  minimized = false;
  focused = 0;
  destroyed = false;
  bounds: Rectangle = { x: 10, y: 20, width: 1000, height: 700 };
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    StandInWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
  show(): void {
    this.shown = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused++;
  }
  getNormalBounds(): Rectangle {
    return this.bounds;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class StandInIpcMain {
  readonly handlers = new Map<string, AnyListener>();
  handle(channel: string, listener: AnyListener): void {
    // Electron throws on a second handler for one channel; so does the stand-in.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event, ...args);
  }
}

export class StandInProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  readonly privileged: Parameters<Protocol['registerSchemesAsPrivileged']>[0][] = [];
  readonly handled = new Map<string, Parameters<Protocol['handle']>[1]>();
  registerSchemesAsPrivileged(schemes: Parameters<Protocol['registerSchemesAsPrivileged']>[0]): void {
    this.privileged.push(schemes);
  }
  handle(scheme: string, handler: Parameters<Protocol['handle']>[1]): void {
    this.handled.set(scheme, handler);
  }
}

export class StandInSession {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request?: (...args: any[]) => void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  check?: (...args: any[]) => boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  device?: (...args: any[]) => boolean;
  setPermissionRequestHandler(h: AnyListener | null): void {
    this.request = h ?? undefined;
  }
  setPermissionCheckHandler(h: AnyListener | null): void {
    this.check = (h ?? undefined) as StandInSession['check'];
  }
  setDevicePermissionHandler(h: AnyListener | null): void {
    this.device = (h ?? undefined) as StandInSession['device'];
  }
}

export class StandInApp extends Emitter {
  isPackaged = false;
  lock = true;
  quits = 0;
  readonly protocolClients: string[] = [];
  requestSingleInstanceLock(): boolean {
    return this.lock;
  }
  quit(): void {
    this.quits++;
  }
  setAsDefaultProtocolClient(protocol: string): boolean {
    this.protocolClients.push(protocol);
    return true;
  }
}

export class StandInShell {
  readonly opened: string[] = [];
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  }
}

/** An IPC invoke event from a frame of a web contents. */
export function invokeEvent(sender: unknown, senderFrame: FrameLike | null) {
  return { sender, senderFrame };
}
