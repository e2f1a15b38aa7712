/**
 * The live process: PROCESS_STATE_CREATED until `delayMs` after its first request (by the
 * injected clock), then PROCESS_STATE_FINISHED / PROCESS_RESULT_OK with a CNH — for watching
 * a lookup, the tree and the panel follow a process that changes.
 */
import { authenticationInfo, capturedDocument, cnhData, envelope, person, processBody, type Fixture } from './fixtureParts';

export const LIVE_PROCESS_ID = '00947855-49dc-4a7a-b743-8d16ac512d33';
export const LIVE_PROCESS_INFO = {
  id: LIVE_PROCESS_ID,
  title: 'Live process',
  description: 'PROCESS_STATE_CREATED until the live delay (default 30 s) has passed since its first request, then finished OK.',
} as const;

const SOMEONE = { cpf: '00000000515', name: 'Eva Exemplo Ao Vivo' };
const WEEK_MS = 7 * 24 * 3600 * 1000;

export class LiveProcess {
  private firstRequestAt: number | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly now: () => number,
    private readonly createdAt: number,
    /** Called once when the process finishes (the emulator sends its webhook then). */
    private readonly onFinish?: { readonly later: (fn: () => void, ms: number) => void; readonly finished: (fixture: Fixture) => void },
  ) {}

  /** The process as it is now; the first call starts the countdown. */
  current(): Fixture {
    const now = this.now();
    if (this.firstRequestAt === undefined && this.onFinish) {
      const { later, finished } = this.onFinish;
      // A timer can fire a little before the wall clock reaches the finish (libuv measures from the
      // start of its loop turn, longer on a busy machine): then the process is still CREATED and its
      // webhook would be lost, so wait out the rest.
      const notify = (): void => {
        const fixture = this.current();
        if (fixture.process.state === 'PROCESS_STATE_FINISHED') finished(fixture);
        else later(notify, Math.max(1, (this.firstRequestAt ?? 0) + this.delayMs - this.now()));
      };
      later(notify, this.delayMs);
    }
    this.firstRequestAt ??= now;
    const finishesAt = this.firstRequestAt + this.delayMs;
    const finished = now >= finishesAt;
    const process = processBody({
      id: LIVE_PROCESS_ID,
      flow: 'idunicodocs',
      state: finished ? 'PROCESS_STATE_FINISHED' : 'PROCESS_STATE_CREATED',
      result: finished ? 'PROCESS_RESULT_OK' : 'PROCESS_RESULT_UNSPECIFIED',
      createdAt: new Date(this.createdAt).toISOString(),
      ...(finished ? { finishedAt: new Date(finishesAt).toISOString() } : {}),
      expiresAt: new Date(this.createdAt + WEEK_MS).toISOString(),
      capacities: ['PROCESS_CAPACITY_IDLIVE', 'PROCESS_CAPACITY_IDUNICO', 'PROCESS_CAPACITY_IDDOCS'],
      person: person(SOMEONE),
      auth: authenticationInfo('auth-live-0001', finished ? { liveness: 'LIVE', authentication: 'POSITIVE', serpro: 96.4 } : {}),
      services: finished ? [envelope('b1e0a9c2-5d7e-4f3a-9c61-2a8d4e6f7b10', [capturedDocument('doc-cnh-000006', 'CNH', cnhData(SOMEONE, '07731945820'))])] : [],
    });
    return { ...LIVE_PROCESS_INFO, process, selfie: finished ? 'image/jpeg' : undefined, evidenceSet: finished };
  }
}
