/**
 * The raw JSON as a collapsible tree (<details>/<summary>: keyboard accessible as is) with a
 * filter box. Keys and values are inserted as text. Which nodes are open is kept here, per path,
 * so a re-render (reveal, refresh) keeps the user's place; the filter text is never persisted.
 */
import { h } from './dom';

interface TreeLabels {
  readonly filter: string;
  readonly expandAll: string;
  readonly collapseAll: string;
  readonly noMatch: string;
}

type Container = readonly unknown[] | Readonly<Record<string, unknown>>;

function isContainer(v: unknown): v is Container {
  return typeof v === 'object' && v !== null;
}

function entries(v: Container): [string, unknown][] {
  return Array.isArray(v) ? v.map((item, i): [string, unknown] => [String(i), item]) : Object.entries(v);
}

function leafText(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v;
}

export class JsonTree {
  private readonly open = new Set<string>(['$', '$.process']);
  private filter = '';
  private value: unknown;
  private readonly body = h('div', { class: 'json-body' });
  private readonly noMatch: string;
  readonly element: HTMLElement;

  constructor(labels: TreeLabels) {
    const input = h('input', { class: 'json-filter', attrs: { type: 'search', 'aria-label': labels.filter, placeholder: labels.filter, 'data-key': 'json-filter' } });
    input.addEventListener('input', () => {
      this.filter = input.value.trim().toLowerCase();
      this.draw();
    });
    const expand = h('button', { class: 'secondary', attrs: { type: 'button', 'data-key': 'json-expand' }, onClick: () => { this.setAll(true); } }, labels.expandAll);
    const collapse = h('button', { class: 'secondary', attrs: { type: 'button', 'data-key': 'json-collapse' }, onClick: () => { this.setAll(false); } }, labels.collapseAll);
    this.noMatch = labels.noMatch;
    this.element = h('div', { class: 'json-tree' }, h('div', { class: 'json-tools' }, input, expand, collapse), this.body);
  }

  update(value: unknown): void {
    this.value = value;
    this.draw();
  }

  private setAll(open: boolean): void {
    this.open.clear();
    if (open) this.visit(this.value, '$', (path) => this.open.add(path));
    else this.open.add('$');
    this.draw();
  }

  private visit(v: unknown, path: string, onContainer: (path: string) => void): void {
    if (!isContainer(v)) return;
    onContainer(path);
    for (const [k, item] of entries(v)) this.visit(item, `${path}.${k}`, onContainer);
  }

  private matches(key: string, v: unknown): boolean {
    if (this.filter === '') return true;
    if (key.toLowerCase().includes(this.filter)) return true;
    if (isContainer(v)) return entries(v).some(([k, item]) => this.matches(k, item));
    return leafText(v).toLowerCase().includes(this.filter);
  }

  private draw(): void {
    const root = this.node('$', 'response', this.value);
    this.body.replaceChildren(root ?? h('p', { class: 'muted' }, this.noMatch));
  }

  private node(path: string, key: string, v: unknown): HTMLElement | undefined {
    if (!this.matches(key, v)) return undefined;
    const keyEl = h('span', { class: 'json-key' }, key);
    if (!isContainer(v)) {
      return h('div', { class: 'json-leaf' }, keyEl, ': ', h('span', { class: `json-${v === null ? 'null' : typeof v}` }, leafText(v)));
    }
    const items = entries(v);
    const details = h('details', { class: 'json-node' });
    details.open = this.filter !== '' || this.open.has(path);
    details.addEventListener('toggle', () => {
      if (this.filter !== '') return;
      if (details.open) this.open.add(path);
      else this.open.delete(path);
    });
    const summary = h('summary', {}, keyEl, h('span', { class: 'muted' }, Array.isArray(v) ? ` [${items.length}]` : ` {${items.length}}`));
    const children = h('div', { class: 'json-children' });
    // A matching container shows all its children; otherwise only the matching ones.
    const selfMatch = this.filter !== '' && key.toLowerCase().includes(this.filter);
    for (const [k, item] of items) {
      const child = selfMatch ? this.withoutFilter(() => this.node(`${path}.${k}`, k, item)) : this.node(`${path}.${k}`, k, item);
      if (child) children.appendChild(child);
    }
    details.append(summary, children);
    return details;
  }

  private withoutFilter<T>(f: () => T): T {
    const saved = this.filter;
    this.filter = '';
    try {
      return f();
    } finally {
      this.filter = saved;
    }
  }
}
