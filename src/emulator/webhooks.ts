/**
 * The emulator's webhook sender: when a process finishes through the emulator (the live process
 * when its delay passes, or any process on POST /emulator/webhook/{id}) it POSTs unico's
 * documented payload (processId, state PROCESS_STATE_FINISHED, result ok | expired |
 * invalid_identity, flow, lastEvent when expired) to the configured URL with the configured
 * authentication (Basic, Bearer as OAuth2 sends it, an API-key header, or none).
 * Delivery is at least once and any non-2xx is retried, as unico documents; unico leaves the
 * number of attempts and the interval to each customer's setup, so the schedule below
 * (5 attempts, 1 s doubling) is THE EMULATOR'S OWN CHOICE, not unico's.
 */
import type { Fixture } from './fixtureParts';

/** As configured at unico: `none`, `basic:user:password`, `bearer:token`, `apikey:Header:value` or `apikey:raw-value`. */
export type WebhookAuthSpec = string;

export interface WebhookTarget {
  readonly url: string;
  readonly auth?: WebhookAuthSpec;
}

/** The emulator's own retry schedule (unico documents no number). */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000];

/** The headers that carry `auth`; throws on a spec it cannot read. */
export function authHeaders(auth: WebhookAuthSpec | undefined): Record<string, string> {
  if (auth === undefined || auth === '' || auth === 'none') return {};
  const [kind, ...rest] = auth.split(':');
  const value = rest.join(':');
  switch (kind?.toLowerCase()) {
    case 'basic': return { authorization: `Basic ${Buffer.from(value).toString('base64')}` };
    case 'bearer': return { authorization: `Bearer ${value}` };
    case 'apikey': {
      // unico splits the configured value on its first colon: header:value; no colon → raw Authorization
      const at = value.indexOf(':');
      return at < 0 ? { authorization: value } : { [value.slice(0, at).trim().toLowerCase()]: value.slice(at + 1).trim() };
    }
    default: throw new Error(`webhook auth must be none, basic:user:password, bearer:token or apikey:Header:value (got "${kind ?? ''}:…")`);
  }
}

const RESULTS: Readonly<Record<string, string>> = {
  PROCESS_RESULT_OK: 'ok',
  PROCESS_RESULT_EXPIRED: 'expired',
  PROCESS_RESULT_INVALID_IDENTITY: 'invalid_identity',
};

/** The payload unico sends for a finished process; undefined when the process has no documented webhook result. */
export function webhookPayload(fixture: Fixture): Record<string, string> | undefined {
  const p = fixture.process;
  const result = typeof p.result === 'string' ? RESULTS[p.result] : undefined;
  if (typeof p.id !== 'string' || result === undefined) return undefined;
  return {
    processId: p.id,
    state: 'PROCESS_STATE_FINISHED',
    result,
    ...(typeof p.flow === 'string' ? { flow: p.flow } : {}),
    ...(result === 'expired' ? { lastEvent: 'EVENT_TYPE_QR_CODE_READ', lastEventDescription: 'QR code read' } : {}),
  };
}

export interface WebhookSenderOptions {
  readonly target: WebhookTarget;
  readonly later: (fn: () => void, ms: number) => void;
  readonly log?: (line: string) => void;
  readonly post?: (url: string, body: string, headers: Record<string, string>) => Promise<number>;
}

const realPost = async (url: string, body: string, headers: Record<string, string>): Promise<number> =>
  (await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, signal: AbortSignal.timeout(10_000) })).status;

export class WebhookSender {
  private readonly headers: Record<string, string>;
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {
    this.headers = authHeaders(options.target.auth);
  }

  /** Sends the payload of `fixture` (retrying non-2xx); false when it has no documented webhook result. */
  send(fixture: Fixture): boolean {
    const payload = webhookPayload(fixture);
    if (!payload) return false;
    this.attempt(JSON.stringify(payload), payload.processId ?? '', 0);
    return true;
  }

  close(): void {
    this.closed = true;
  }

  private attempt(body: string, id: string, n: number): void {
    if (this.closed) return;
    const post = this.options.post ?? realPost;
    void post(this.options.target.url, body, this.headers).then(
      (status) => status >= 200 && status < 300 ? status : Promise.reject(new Error(`HTTP ${String(status)}`)),
    ).then(
      (status) => { this.options.log?.(`webhook ${id}: delivered (HTTP ${String(status)}, attempt ${String(n + 1)})`); },
      (e: unknown) => {
        const delay = RETRY_DELAYS_MS[n];
        const why = e instanceof Error ? e.message : 'failed';
        if (delay === undefined) { this.options.log?.(`webhook ${id}: gave up after ${String(n + 1)} attempts (${why})`); return; }
        this.options.log?.(`webhook ${id}: ${why}; retrying in ${String(delay)} ms`);
        this.options.later(() => { this.attempt(body, id, n + 1); }, delay);
      },
    );
  }
}
