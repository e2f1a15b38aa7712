/** What the commands need from the rest of the editor (built once by the composition root). */
import type * as vscode from 'vscode';
import type { Background, Lookups, Privacy, ProcessRef, ProcessView, ShowProcess } from '../services';

export interface CommandDeps {
  readonly lookups: Lookups;
  readonly tree: ProcessView;
  /** Whether personal data is shown (Open Raw JSON masks it otherwise). */
  readonly privacy: Privacy;
  readonly log: vscode.LogOutputChannel;
  /** Opens the process panel; without it a lookup is shown in the tree alone. */
  readonly showProcess?: ShowProcess;
  /** The process of the active panel, if a process panel is the active editor. */
  readonly activePanel?: () => ProcessRef | undefined;
  /** Whether a process document opened without a command may fetch; without it, it never does. */
  readonly background?: Background;
}
