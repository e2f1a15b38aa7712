/**
 * The triage view's browser side: counts by verdict (each a filter), a text filter, state and flow
 * filters, sortable columns, the virtual table, export and watch buttons. It holds the rows the
 * host sent and applies the shared query (src/core/triageTable.ts) itself, so a keystroke never
 * waits for the host. Every string goes in with textContent; it never talks to the network.
 */
import { BUCKETS, countBuckets, DEFAULT_QUERY, distinct, haystack, queryRows, type Bucket, type Column, type TableQuery, type TriageRow } from '../../core/triageTable';
import { isTriageHostMessage, type TriageInit, type TriageStatus, type TriageWebviewMessage } from '../../triageProtocol';
import { button, h } from '../dom';
import { BUCKET_ICON, icon } from '../icons';
import { VirtualTable } from './table';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const root = document.getElementById('root');

function post(message: TriageWebviewMessage): void {
  api.postMessage(message);
}

class TriageApp {
  private rows: TriageRow[] = [];
  private readonly index = new Map<string, number>();
  /** Each row's search text, computed once per row object (a keystroke then only compares). */
  private readonly search = new WeakMap<TriageRow, string>();
  private query: TableQuery = DEFAULT_QUERY;
  private status: TriageStatus = { text: '', running: false, revealed: false };
  private readonly table: VirtualTable;
  private readonly counts = h('div', { class: 'counts', attrs: { role: 'toolbar' } });
  private readonly statusLine = h('span', { class: 'status', attrs: { role: 'status' } });
  private readonly shown = h('span', { class: 'shown muted' });
  private readonly runButton: HTMLButtonElement;
  private readonly revealButton: HTMLButtonElement;
  private readonly stateSelect = h('select', { attrs: { 'data-key': 'state' } });
  private readonly flowSelect = h('select', { attrs: { 'data-key': 'flow' } });
  private optionsKey = '';

  constructor(private readonly init: TriageInit) {
    const { labels } = init;
    this.table = new VirtualTable(init, {
      open: (id) => { post({ type: 'open', id }); },
      goToLine: (id) => { post({ type: 'goToLine', id }); },
      sort: (column) => { this.sortBy(column); },
    });
    this.counts.setAttribute('aria-label', labels.counts);
    this.runButton = button(labels.resolve, 'run', () => { post({ type: this.status.running ? 'cancel' : 'resolve' }); }, { secondary: true });
    this.revealButton = button(labels.reveal, 'reveal', () => { post({ type: 'toggleReveal' }); }, { secondary: true, pressed: false });
    const filter = h('input', { class: 'filter', attrs: { type: 'search', placeholder: labels.filter, 'aria-label': labels.filter, 'data-key': 'filter' } });
    filter.addEventListener('input', () => { this.setQuery({ text: filter.value }); });
    this.stateSelect.setAttribute('aria-label', labels.allStates);
    this.flowSelect.setAttribute('aria-label', labels.allFlows);
    this.stateSelect.addEventListener('change', () => { this.setQuery({ state: this.stateSelect.value }); });
    this.flowSelect.addEventListener('change', () => { this.setQuery({ flow: this.flowSelect.value }); });
    const badge = h('span', { class: init.profile.production ? 'badge production' : 'badge' }, init.profile.label);
    root?.replaceChildren(
      h('header', { class: 'head' }, h('h1', {}, init.title), badge, this.statusLine, this.runButton),
      this.counts,
      h('div', { class: 'tools', attrs: { role: 'toolbar', 'aria-label': labels.toolbar } },
        filter, this.stateSelect, this.flowSelect, this.revealButton,
        button(labels.exportCsv, 'export-csv', () => { post({ type: 'export', format: 'csv', query: this.query }); }, { secondary: true }),
        button(labels.exportJsonl, 'export-jsonl', () => { post({ type: 'export', format: 'jsonl', query: this.query }); }, { secondary: true }),
        init.canWatch ? button(labels.watchUnfinished, 'watch', () => { post({ type: 'watchUnfinished' }); }, { secondary: true }) : undefined,
        this.shown),
      this.table.element,
    );
    root?.setAttribute('aria-busy', 'false');
    document.title = init.title;
  }

  setRows(rows: readonly TriageRow[], replace: boolean): void {
    if (replace) {
      this.rows = [...rows];
      this.index.clear();
      this.rows.forEach((r, i) => this.index.set(r.id, i));
    } else {
      for (const r of rows) {
        const at = this.index.get(r.id);
        if (at === undefined) {
          this.index.set(r.id, this.rows.length);
          this.rows.push(r);
        } else {
          this.rows[at] = r;
        }
      }
    }
    this.refresh(true);
  }

  setStatus(status: TriageStatus): void {
    this.status = status;
    this.statusLine.textContent = status.text;
    this.runButton.textContent = status.running ? this.init.labels.cancel : this.init.labels.resolve;
    this.revealButton.textContent = status.revealed ? this.init.labels.hide : this.init.labels.reveal;
    this.revealButton.setAttribute('aria-pressed', String(status.revealed));
  }

  private setQuery(change: Partial<TableQuery>): void {
    this.query = { ...this.query, ...change };
    // Counts are of all rows: only a change of the pressed count redraws them.
    this.refresh(change.bucket !== undefined);
  }

  private sortBy(column: Column): void {
    this.setQuery({ sort: column, descending: this.query.sort === column ? !this.query.descending : false });
  }

  private refresh(rowsOrBucketChanged: boolean): void {
    const kept = queryRows(this.rows, this.query, (r) => {
      let text = this.search.get(r);
      if (text === undefined) this.search.set(r, (text = haystack(r)));
      return text;
    });
    this.table.setRows(kept, this.query);
    if (rowsOrBucketChanged) {
      this.drawCounts();
      this.drawOptions();
    }
    this.shown.textContent = this.init.labels.shown.replace('{0}', kept.length.toLocaleString(document.documentElement.lang)).replace('{1}', this.rows.length.toLocaleString(document.documentElement.lang));
  }

  private drawCounts(): void {
    const counts = countBuckets(this.rows);
    const lang = document.documentElement.lang;
    const buttons = BUCKETS.filter((b) => b !== 'unresolved' || counts[b] > 0).map((b: Bucket) => {
      const pressed = this.query.bucket === b;
      const el = h('button', {
        class: `count bucket-${b}`,
        attrs: { type: 'button', 'aria-pressed': String(pressed), 'data-key': `count-${b}`, 'data-bucket': b },
        onClick: () => { this.setQuery({ bucket: pressed ? '' : b }); },
      }, icon(BUCKET_ICON[b], 'verdict-icon'), h('span', { class: 'count-label' }, this.init.bucketLabels[b]), h('span', { class: 'count-value' }, counts[b].toLocaleString(lang)));
      return el;
    });
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
    this.counts.replaceChildren(...buttons);
    if (focused?.startsWith('count-')) this.counts.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }

  /** Rebuilds the state and flow menus only when their values change (never under an open menu for nothing). */
  private drawOptions(): void {
    const states = distinct(this.rows, 'state');
    const flows = distinct(this.rows, 'flow');
    const key = `${states.join('\n')}\u0000${flows.join('\n')}`;
    if (key === this.optionsKey) return;
    this.optionsKey = key;
    fill(this.stateSelect, this.init.labels.allStates, states, this.query.state);
    fill(this.flowSelect, this.init.labels.allFlows, flows, this.query.flow);
  }
}

function fill(select: HTMLSelectElement, all: string, values: readonly string[], selected: string): void {
  const options = [h('option', { attrs: { value: '' } }, all), ...values.map((v) => h('option', { attrs: { value: v } }, v))];
  select.replaceChildren(...options);
  select.value = values.includes(selected) ? selected : '';
}

let app: TriageApp | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const m = event.data;
  if (!isTriageHostMessage(m)) return;
  if (m.type === 'init') app ??= new TriageApp(m.init);
  else if (m.type === 'rows') app?.setRows(m.rows, m.replace);
  else app?.setStatus(m.status);
});
post({ type: 'ready' });
