/**
 * What the `idcloud_findProcessIds` language-model tool hands a chat model: the distinct process
 * IDs of a file with how often each occurs and the line it first occurs on, capped for a chat
 * (the text says how many were left out). Line numbers only, never the lines: a log line may hold
 * personal data or tokens. English on purpose: the model reads it (see processText.ts).
 * Pure: no `vscode` import.
 */
import type { IdTally } from '../ids/scan';

/** The most IDs one answer lists: enough to pick from, small enough for a chat's context. */
export const MAX_LISTED_IDS = 50;

export function idsText(file: string, ids: readonly IdTally[], max = MAX_LISTED_IDS): string {
  const name = JSON.stringify(file);
  if (ids.length === 0) return `No IDCloud process IDs (UUIDs) in ${name}.`;
  const occurrences = ids.reduce((sum, t) => sum + t.count, 0);
  const listed = ids.slice(0, max);
  const lines = [
    `${String(ids.length)} distinct IDCloud process ID(s) in ${name}, ${String(occurrences)} occurrence(s) in all, in order of first appearance (line numbers start at 1):`,
    ...listed.map((t) => `- ${t.id}: ${String(t.count)}×, first on line ${String(t.firstLine + 1)}`),
  ];
  if (ids.length > listed.length) {
    lines.push(`${String(ids.length - listed.length)} more ID(s) left out of this list; the user can see them all with "IDCloud: Find Process IDs in File…".`);
  }
  lines.push('To explain one, call idcloud_getProcess with its processId.');
  return lines.join('\n');
}
