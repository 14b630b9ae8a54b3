/**
 * A tiny DOM builder (no framework: the bundle stays small). Text always goes in as text
 * nodes, never as HTML, so nothing a session carries (RP name, purpose, statement) can inject
 * markup. CSP forbids inline styles: look comes from widget.css classes only.
 */
type Child = Node | string | false | null | undefined;
type Attrs = Record<string, string | boolean | number | undefined | ((e: Event) => void)>;

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === false || c === null || c === undefined) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

let ids = 0;
/** A fresh id for label/aria wiring. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;

/** Replaces the screen and moves focus to its heading, so screen readers announce the new step. */
export function show(root: HTMLElement, screen: HTMLElement): void {
  root.replaceChildren(screen);
  const heading = screen.querySelector<HTMLElement>('h1, h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
  }
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
