// The preload script (bundled to dist/electron/preload.cjs: sandboxed preloads cannot be ES
// modules and may require only 'electron'). Exposes the contract API as `window.onramp`.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from './api';
import { PRELOAD_GLOBAL } from './api-type';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, buildApi(ipcRenderer));
