/**
 * The `idcloud_getProcess` language-model tool: a chat agent asks for one process by ID (in the
 * active profile or a named one) and gets the masked summary of processText.ts.
 *
 * - It goes through the window's `Lookups` (the same cache, coalescing and rate limit as every
 *   surface): no network path of its own.
 * - A production profile asks every time, through the chat's own confirmation (prepareInvocation):
 *   a chat agent's request is not the user's own intent (the log it read may tell it to look
 *   something up). The lookup then passes `confirmed`, so the window's modal does not ask twice.
 * - In an untrusted workspace nothing leaves the machine: only a cached answer is given, as hovers do.
 * - Every failure the user could hit (invalid ID, unknown profile, no credentials, not found, rate
 *   limited…) is a text result the agent can relay; only cancellation throws, as the API expects.
 *   Texts for the model are English (it reads them); the product's error message inside is the
 *   user's language, since the agent relays it to the user. (VS Code 1.100 logs a thrown error and
 *   hands the chat a failed call; outside a chat, confirmationMessages become a modal dialog and
 *   declining rejects invokeTool with a CancellationError.)
 */
import * as vscode from 'vscode';
import { isIdCloudError } from '../../core/errors';
import { EXAMPLE_PROCESS_ID, normalizeProcessId, type ProcessId } from '../../core/processId';
import { isCancellation, presentError } from '../errorMessages';
import { redact } from '../log';
import type { Background, Lookups, Profile } from '../services';
import { processText, quote } from './processText';

export interface GetProcessInput {
  readonly processId?: unknown;
  readonly profile?: unknown;
}

export interface LmToolDeps {
  readonly lookups: Lookups;
  readonly background: Pick<Background, 'trusted'>;
  readonly log: Pick<vscode.LogOutputChannel, 'info' | 'warn' | 'error'>;
}

type Target = { readonly id: ProcessId; readonly profile: Profile } | { readonly problem: string };

export function text(value: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);
}

function profileList(lookups: Lookups): string {
  return lookups.profiles().map((p) => `${quote(p.id, 40)} (${quote(p.label, 40)}${p.production ? ', production' : ''})`).join(', ');
}

/** A profile by ID, else by label (either case): a model may well pass "Sandbox". */
function findProfile(lookups: Lookups, name: string): Profile | undefined {
  const wanted = name.trim().toLowerCase();
  return lookups.profile(name.trim())
    ?? lookups.profiles().find((p) => p.id.toLowerCase() === wanted)
    ?? lookups.profiles().find((p) => p.label.toLowerCase() === wanted);
}

/** The process and profile the input names, or why it names none (a text for the model). */
export function resolveTarget(lookups: Lookups, input: GetProcessInput | undefined): Target {
  const raw = input?.processId;
  const id = typeof raw === 'string' ? normalizeProcessId(raw) : undefined;
  if (id === undefined) {
    const shown = typeof raw === 'string' ? quote(raw, 60) : 'missing';
    return { problem: `Invalid processId (${shown}): an IDCloud process ID is a UUID such as ${EXAMPLE_PROCESS_ID}. Nothing was looked up.` };
  }
  const named = input?.profile;
  if (named === undefined || named === null || named === '') return { id, profile: lookups.activeProfile() };
  const profile = typeof named === 'string' ? findProfile(lookups, named) : undefined;
  if (!profile) {
    const shown = typeof named === 'string' ? quote(named, 40) : 'not a string';
    return { problem: `Unknown profile ${shown}. Nothing was looked up. The profiles are: ${profileList(lookups)}; leave profile out to use the active one (${quote(lookups.activeProfile().id, 40)}).` };
  }
  return { id, profile };
}

export class GetProcessTool implements vscode.LanguageModelTool<GetProcessInput> {
  constructor(private readonly deps: LmToolDeps) {}

  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<GetProcessInput>): vscode.PreparedToolInvocation {
    const target = resolveTarget(this.deps.lookups, options.input);
    if ('problem' in target) return { invocationMessage: vscode.l10n.t('Checking the IDCloud process request') };
    const { id, profile } = target;
    const invocationMessage = this.deps.background.trusted
      ? vscode.l10n.t('Looking up IDCloud process {0} in {1}', id, profile.label)
      : vscode.l10n.t('Reading IDCloud process {0} from the cache of {1} (untrusted workspace)', id, profile.label);
    if (!profile.production) return { invocationMessage };
    return {
      invocationMessage,
      confirmationMessages: {
        title: vscode.l10n.t('Look up a process in {0}?', profile.label),
        message: vscode.l10n.t(
          'A chat agent asks for process {0} in {1} ({2}), which holds real people\'s data. The chat gets its verdict, state, capability results and times; never personal data, tokens or signed links.',
          id, profile.label, profile.apiBaseUrl,
        ),
      },
    };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<GetProcessInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const target = resolveTarget(this.deps.lookups, options.input);
    if ('problem' in target) return text(target.problem);
    const { id, profile } = target;
    const ref = { id, profileId: profile.id };
    if (!this.deps.background.trusted) {
      const cached = this.deps.lookups.peek(ref);
      const why = 'this workspace is not trusted, so nothing is looked up over the network (as for hovers).';
      if (!cached) {
        return text(`IDCloud process ${id} was not looked up: ${why} It is not in the cache of profile ${quote(profile.label, 40)}. The user can trust the workspace, or look it up with "IDCloud: Look Up Process…", and ask again.`);
      }
      return text(processText({ id, profile, fetched: cached, cacheOnly: why }));
    }
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => { controller.abort(); });
    try {
      // The chat asked (prepareInvocation) for production: the window's own modal would ask twice.
      const fetched = await this.deps.lookups.get(ref, { signal: controller.signal, ...(profile.production ? { confirmed: true } : {}) });
      return text(processText({ id, profile, fetched }));
    } catch (e) {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      return text(this.failure(e, id, profile));
    } finally {
      cancel.dispose();
    }
  }

  /** A failed lookup as a text for the model: what kind, and the product's message for the user. */
  private failure(e: unknown, id: ProcessId, profile: Profile): string {
    const kind = isIdCloudError(e) ? e.kind : isCancellation(e) ? 'cancelled' : 'unexpected';
    this.deps.log.warn(redact(`[${profile.id}] chat tool lookup of ${id} failed (${kind}): ${e instanceof Error ? e.message : String(e)}`));
    const { message } = presentError(e, { profile, processId: id });
    return `IDCloud lookup of process ${id} in profile ${quote(profile.label, 40)} failed (${kind}). Relay this message to the user: ${message}`;
  }
}
