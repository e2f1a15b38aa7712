/**
 * Inline verdicts: "✓ OK", "✗ Invalid identity", "… Pending" after each process ID whose answer
 * is cached, in theme colours. Drawn from the cache only (`peek`): they never make a request, so
 * they need no Background policy. Only the visible ranges of visible editors are scanned (a few
 * hundred lines), so they work in files far beyond the code-lens cap. Redrawn when a lookup
 * fetches, the profile changes, the visible editors or ranges change, or a visible document is edited.
 */
import * as vscode from 'vscode';
import { findProcessIds } from '../../core/processId';
import { Disposable } from '../lifecycle';
import type { Lookups } from '../services';
import { isSurfaceDocument } from './selectors';
import { type VerdictTone, verdictBadge } from './summaryText';

/** Lines scanned around each visible range, so a short scroll shows verdicts at once. */
const MARGIN_LINES = 20;
/** At most this many lines per editor (a visible range is a screenful; folded ranges add up). */
const MAX_LINES = 2_000;
/** At most this many verdicts per line (a minified line may hold thousands of IDs). */
const MAX_PER_LINE = 20;
/** Editors, fetches and scrolls come in bursts: one redraw per burst. */
const REDRAW_DELAY_MS = 50;

const COLOURS: Readonly<Record<VerdictTone, string>> = {
  ok: 'testing.iconPassed',
  bad: 'errorForeground',
  unsettled: 'descriptionForeground',
};

export interface RenderedVerdict {
  readonly line: number;
  readonly character: number;
  readonly text: string;
  readonly tone: VerdictTone;
}

export class InlineVerdicts extends Disposable {
  private readonly types: ReadonlyMap<VerdictTone, vscode.TextEditorDecorationType>;
  private readonly _onDidRender = this._register(new vscode.EventEmitter<vscode.TextEditor>());
  /** Fires after an editor's verdicts were drawn (tests wait on it). */
  readonly onDidRender = this._onDidRender.event;
  private readonly rendered = new WeakMap<vscode.TextEditor, readonly RenderedVerdict[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Set<vscode.TextEditor>();

  constructor(private readonly lookups: Lookups) {
    super();
    this.types = new Map((Object.keys(COLOURS) as VerdictTone[]).map((tone) => [tone, this._register(
      vscode.window.createTextEditorDecorationType({
        after: { color: new vscode.ThemeColor(COLOURS[tone]), margin: '0 0 0 1ch', fontStyle: 'italic' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    )]));
    const all = (): void => {
      this.schedule(vscode.window.visibleTextEditors);
    };
    this._register(lookups.onDidFetch(all));
    this._register(lookups.onDidChangeActiveProfile(all));
    this._register(vscode.window.onDidChangeVisibleTextEditors(all));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges((e) => { this.schedule([e.textEditor]); }));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => {
      this.schedule(vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document));
    }));
    this._register({
      dispose: () => {
        clearTimeout(this.timer);
      },
    });
    all();
  }

  /** What was last drawn in this editor (for tests). */
  verdictsOf(editor: vscode.TextEditor): readonly RenderedVerdict[] {
    return this.rendered.get(editor) ?? [];
  }

  private schedule(editors: readonly vscode.TextEditor[]): void {
    for (const e of editors) if (isSurfaceDocument(e.document)) this.pending.add(e);
    if (this.pending.size === 0 || this.timer !== undefined || this.isDisposed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const editors = [...this.pending];
      this.pending.clear();
      for (const editor of editors) this.draw(editor);
    }, REDRAW_DELAY_MS);
  }

  private draw(editor: vscode.TextEditor): void {
    const verdicts = this.verdicts(editor);
    for (const [tone, type] of this.types) {
      editor.setDecorations(type, verdicts.filter((v) => v.tone === tone).map((v) => ({
        range: new vscode.Range(v.line, v.character, v.line, v.character),
        renderOptions: { after: { contentText: v.text } },
      })));
    }
    this.rendered.set(editor, verdicts);
    this._onDidRender.fire(editor);
  }

  private verdicts(editor: vscode.TextEditor): RenderedVerdict[] {
    const { document } = editor;
    const profileId = this.lookups.activeProfile().id;
    const out: RenderedVerdict[] = [];
    let budget = MAX_LINES;
    for (const line of visibleLines(editor.visibleRanges, document.lineCount)) {
      if (budget-- === 0) break;
      const text = document.lineAt(line).text;
      if (text.length < 36) continue;
      for (const m of findProcessIds(text, { max: MAX_PER_LINE })) {
        const fetched = this.lookups.peek({ id: m.id, profileId });
        if (!fetched) continue;
        const badge = verdictBadge(fetched, vscode.l10n);
        out.push({ line, character: m.end, text: badge.text, tone: badge.tone });
      }
    }
    return out;
  }
}

/** The lines of the visible ranges, widened by a margin, each once, in order. */
function* visibleLines(ranges: readonly vscode.Range[], lineCount: number): Generator<number> {
  let next = 0;
  for (const r of [...ranges].sort((a, b) => a.start.line - b.start.line)) {
    const from = Math.max(next, r.start.line - MARGIN_LINES);
    const to = Math.min(lineCount - 1, r.end.line + MARGIN_LINES);
    for (let line = from; line <= to; line++) yield line;
    next = Math.max(next, to + 1);
  }
}
