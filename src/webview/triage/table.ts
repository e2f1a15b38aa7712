/**
 * The triage table with virtual scrolling: rows have a fixed height, a spacer gives the scroll
 * range, and only the rows on screen (plus a few) exist in the DOM: a pool of row elements is
 * refilled with textContent as the user scrolls, so 10,000 rows cost what 40 do.
 */
import { COLUMNS, type Column, type TableQuery, type TriageRow } from '../../core/triageTable';
import type { TriageInit } from '../../triageProtocol';
import { h, visibleText } from '../dom';
import { BUCKET_ICON, iconClass } from '../icons';

export const ROW_HEIGHT = 24;
const OVERSCAN = 6;


export interface TableEvents {
  readonly open: (id: string) => void;
  readonly goToLine: (id: string) => void;
  readonly sort: (column: Column) => void;
}

interface PooledRow {
  readonly el: HTMLElement;
  readonly cells: Readonly<Record<Column, HTMLElement>>;
  readonly icon: HTMLElement;
  readonly word: HTMLElement;
  id: string;
}

export class VirtualTable {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly headers: Record<Column, HTMLElement>;
  private readonly pool: PooledRow[] = [];
  private rows: readonly TriageRow[] = [];
  private frame = 0;

  constructor(private readonly init: TriageInit, private readonly events: TableEvents) {
    const headers = {} as Record<Column, HTMLElement>;
    for (const c of COLUMNS) {
      headers[c] = h('button', {
        class: `th col-${c}`, attrs: { type: 'button', role: 'columnheader', 'data-key': `sort-${c}` }, onClick: () => { events.sort(c); },
      }, init.columnLabels[c]);
    }
    this.headers = headers;
    const head = h('div', { class: 'thead', attrs: { role: 'row' } }, ...COLUMNS.map((c) => this.headers[c]));
    this.body = h('div', { class: 'tbody', attrs: { role: 'rowgroup' } });
    this.element = h('div', { class: 'viewport', attrs: { role: 'grid', 'aria-label': init.title, tabindex: '0' } }, head, this.body);
    this.element.addEventListener('scroll', () => { this.schedule(); }, { passive: true });
    window.addEventListener('resize', () => { this.schedule(); });
  }

  /** Shows `rows` (already filtered and sorted); keeps the scroll position when it can. */
  setRows(rows: readonly TriageRow[], query: TableQuery): void {
    this.rows = rows;
    this.body.style.height = `${rows.length * ROW_HEIGHT}px`;
    for (const c of COLUMNS) {
      this.headers[c].setAttribute('aria-sort', query.sort === c ? (query.descending ? 'descending' : 'ascending') : 'none');
      this.headers[c].dataset.sorted = query.sort === c ? (query.descending ? '▼' : '▲') : '';
    }
    this.draw();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Fills the pool with the rows that intersect the viewport. */
  draw(): void {
    const top = Math.max(0, this.element.scrollTop - ROW_HEIGHT); // the sticky header takes one row
    const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const visible = Math.ceil((this.element.clientHeight || window.innerHeight) / ROW_HEIGHT) + 2 * OVERSCAN;
    const last = Math.min(this.rows.length, first + visible);
    while (this.pool.length < last - first) this.pool.push(this.makeRow());
    this.pool.forEach((p, i) => {
      const row = this.rows[first + i];
      if (row === undefined) {
        p.el.hidden = true;
        return;
      }
      p.el.hidden = false;
      p.el.style.transform = `translateY(${(first + i) * ROW_HEIGHT}px)`;
      p.el.setAttribute('aria-rowindex', String(first + i + 2));
      this.fill(p, row);
    });
  }

  private makeRow(): PooledRow {
    const icon = h('span', { class: 'verdict-icon codicon', attrs: { 'aria-hidden': 'true' } });
    const word = h('span', { class: 'verdict-word' });
    const cells = {} as Record<Column, HTMLElement>;
    for (const c of COLUMNS) {
      cells[c] = c === 'id' || c === 'line'
        ? h('button', { class: `td link col-${c}`, attrs: { type: 'button', role: 'gridcell', title: c === 'id' ? this.init.labels.openHint : this.init.labels.lineHint } })
        : h('span', { class: `td col-${c}`, attrs: { role: 'gridcell' } });
    }
    cells.verdict.append(icon, word);
    const el = h('div', { class: 'tr', attrs: { role: 'row' } }, ...COLUMNS.map((c) => cells[c]));
    const pooled: PooledRow = { el, cells, icon, word, id: '' };
    el.addEventListener('click', (e) => {
      if (e.target instanceof Node && cells.line.contains(e.target)) this.events.goToLine(pooled.id);
      else this.events.open(pooled.id);
    });
    this.body.appendChild(el);
    return pooled;
  }

  private fill(p: PooledRow, r: TriageRow): void {
    p.id = r.id;
    p.el.className = `tr bucket-${r.bucket}`;
    p.icon.className = `verdict-icon ${iconClass(BUCKET_ICON[r.bucket])}`;
    p.word.textContent = visibleText(r.verdict);
    set(p.cells.id, r.id);
    set(p.cells.state, r.state);
    set(p.cells.result, r.result);
    set(p.cells.flow, r.flow);
    set(p.cells.created, r.createdText);
    set(p.cells.finished, r.finishedText);
    set(p.cells.occurrences, String(r.occurrences));
    set(p.cells.line, String(r.line));
    set(p.cells.person, r.person);
  }
}

function set(cell: HTMLElement, text: string): void {
  const shown = visibleText(text);
  if (cell.textContent !== shown) cell.textContent = shown;
  if (cell.title !== shown && cell.tagName !== 'BUTTON') cell.title = shown;
}
