/**
 * The few browser globals e2e tests read inside page.evaluate, typed without the DOM lib (the test
 * tsconfig is Node's). Use as `(globalThis as unknown as PageGlobals)` inside the evaluated function.
 */
export interface PageStyle {
  color: string;
  outlineStyle: string;
  strokeWidth: string;
  fontSize: string;
  backgroundColor: string;
}
export interface PageElement {
  style: { color: string };
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  viewBox?: { baseVal: { width: number } };
  innerText?: string;
}
export interface PageGlobals {
  document: { activeElement: unknown; body: PageElement & { append(e: PageElement): void }; createElement(tag: string): PageElement };
  getComputedStyle(e: unknown): PageStyle;
}
