/**
 * The one registration wrapper, for every surface's commands (IDs in ../commandIds.ts): every
 * command logs its start, turns known errors into the
 * actionable message of `showError` (never awaited: a command settles as soon as its work does),
 * keeps user cancellation silent, and resolves a `ProcessArg` into a `ProcessRef`.
 */
import * as vscode from 'vscode';
import { InvalidProcessIdError } from '../../core/errors';
import { normalizeProcessId } from '../../core/processId';
import { isCancellation, showError } from '../errorMessages';
import type { Lookups, ProcessRef } from '../services';
import type { CommandId } from '../commandIds';
import { askForProcessId } from './prompt';

/**
 * What the wrapper needs, and all any surface must give to register a command through it: the log,
 * and the profiles (to name the one an error is about, and to ask for an ID in the active one).
 */
export interface CommandContext {
  readonly lookups: Pick<Lookups, 'profile' | 'activeProfile'>;
  readonly log: vscode.LogOutputChannel;
}

function isRefLike(value: unknown): value is ProcessRef {
  if (typeof value !== 'object' || value === null) return false;
  const { id, profileId } = value as { id?: unknown; profileId?: unknown };
  return typeof id === 'string' && typeof profileId === 'string';
}

/**
 * A ProcessRef, a node carrying `ref`, or a bare ID (meaning: in the active profile). Undefined
 * for anything else (no argument, an editor URI from a context menu): the caller asks the user.
 * Throws InvalidProcessIdError for an ID that is not a UUID.
 */
export function toProcessRef(arg: unknown, lookups: Pick<Lookups, 'activeProfile'>): ProcessRef | undefined {
  if (typeof arg === 'string') {
    const id = normalizeProcessId(arg);
    if (id === undefined) throw new InvalidProcessIdError(arg.slice(0, 64));
    return { id, profileId: lookups.activeProfile().id };
  }
  const candidate: unknown = typeof arg === 'object' && arg !== null && 'ref' in arg ? arg.ref : arg;
  if (!isRefLike(candidate)) return undefined;
  const id = normalizeProcessId(candidate.id);
  if (id === undefined) throw new InvalidProcessIdError(candidate.id.slice(0, 64));
  return { id, profileId: candidate.profileId };
}

function report(deps: CommandContext, command: CommandId, err: unknown, ref: ProcessRef | undefined): void {
  if (isCancellation(err)) {
    deps.log.debug(`${command}: cancelled`);
    return;
  }
  const profile = (ref && deps.lookups.profile(ref.profileId)) ?? deps.lookups.activeProfile();
  void showError(err, { profile, processId: ref?.id }, deps.log).catch((e: unknown) => {
    deps.log.error(`${command}: could not show the error: ${e instanceof Error ? e.name : 'unknown'}`);
  });
}

/** A command that takes no process. Resolves to the handler's value, or undefined after an error. */
export function registerCommand<R>(
  deps: CommandContext,
  command: CommandId,
  run: (...args: unknown[]) => Promise<R>,
): vscode.Disposable {
  return vscode.commands.registerCommand(command, async (...args: unknown[]): Promise<R | undefined> => {
    deps.log.debug(command);
    try {
      return await run(...args);
    } catch (err) {
      report(deps, command, err, undefined);
      return undefined;
    }
  });
}

/**
 * A command about one process. Its first argument is a `ProcessArg`; without one, `withoutArg`
 * runs if given, else `current` answers if given (the process on screen), else the user is asked
 * (prefilled from the selection, the word under the cursor or the clipboard).
 */
export function registerProcessCommand<R>(
  deps: CommandContext,
  command: CommandId,
  run: (ref: ProcessRef) => Promise<R>,
  withoutArg?: () => Promise<R>,
  current?: () => ProcessRef | undefined,
): vscode.Disposable {
  return vscode.commands.registerCommand(command, async (arg: unknown): Promise<R | undefined> => {
    let ref: ProcessRef | undefined;
    try {
      ref = toProcessRef(arg, deps.lookups);
      if (ref === undefined && withoutArg) return await withoutArg();
      ref ??= current?.() ?? (await askForProcessId(deps.lookups));
      if (ref === undefined) return undefined; // the user dismissed the input box
      deps.log.debug(`${command} ${ref.profileId}/${ref.id}`);
      return await run(ref);
    } catch (err) {
      report(deps, command, err, ref);
      return undefined;
    }
  });
}
