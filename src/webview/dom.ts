/**
 * The only way the panel builds DOM: elements from a fixed tag name, attributes set one by one,
 * text inserted with textContent. No innerHTML, no insertAdjacentHTML, no URLs from the API.
 */

export type Child = Node | string | undefined | false;

export interface Props {
  readonly class?: string;
  /** Attribute names are ours (aria-*, role, type, data-*, …); values may be API text (never parsed as HTML). */
  readonly attrs?: Readonly<Record<string, string>>;
  readonly onClick?: () => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  if (props.onClick) el.addEventListener('click', props.onClick);
  append(el, children);
  return el;
}

/** Bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F) can make text read backwards ("gnp.exe"): show them. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(BIDI, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(visibleText(child)) : child);
  }
}

/** A button that keeps its keyboard focus across re-renders (found again by `key`). */
export function button(label: string, key: string, onClick: () => void, options: { secondary?: boolean; pressed?: boolean; disabled?: boolean; describedBy?: string } = {}): HTMLButtonElement {
  const attrs: Record<string, string> = { type: 'button', 'data-key': key };
  if (options.pressed !== undefined) attrs['aria-pressed'] = String(options.pressed);
  if (options.describedBy) attrs['aria-describedby'] = options.describedBy;
  const b = h('button', { class: options.secondary ? 'secondary' : undefined, attrs, onClick }, label);
  b.disabled = options.disabled ?? false;
  return b;
}
