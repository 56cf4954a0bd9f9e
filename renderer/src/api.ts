/**
 * The renderer's only door to main: the one file that touches `window.api` (lint enforces it).
 * Components import `api` from here; tests of components can pass another object of the same type.
 */
import type { Api } from '../../shared/ipc/contract';

declare global {
  interface Window {
    api: Api;
  }
}

export const api: Api = window.api;
