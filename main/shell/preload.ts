/**
 * The preload: bundled to one CommonJS file (sandboxed preloads cannot load ESM). It exposes the
 * contract's named functions as `window.api` and nothing else: no ipcRenderer, no generic invoke,
 * and listeners never receive Electron's event object (item 20).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/build-api';

const api = buildApi(
  (channel, request) => ipcRenderer.invoke(channel, request),
  (event, listener) => {
    const forward = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
);

contextBridge.exposeInMainWorld('api', api);
