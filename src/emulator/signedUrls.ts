/**
 * Pre-signed document URLs like a storage bucket's: `/signed/{processId}/{docId}?expires=…&signature=…`,
 * an HMAC over path and expiry with a key made at start, valid 5 minutes by the injected clock.
 * A bad or expired link gets 403 with an S3-style XML error, as a real bucket answers.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNED_URL_LIFETIME_SECONDS = 300;
export const SIGNED_PATH_PREFIX = '/signed/';

export type SignedUrlCheck = 'valid' | 'expired' | 'badSignature';

export class SignedUrls {
  private readonly key = randomBytes(32);

  constructor(
    private readonly baseUrl: string,
    private readonly now: () => number,
  ) {}

  create(processId: string, docId: string): string {
    const path = `${SIGNED_PATH_PREFIX}${encodeURIComponent(processId)}/${encodeURIComponent(docId)}`;
    const expires = Math.floor(this.now() / 1000) + SIGNED_URL_LIFETIME_SECONDS;
    return `${this.baseUrl}${path}?expires=${expires}&signature=${this.sign(path, expires)}`;
  }

  /** `path` is the request's pathname as received (still percent-encoded). */
  check(path: string, query: URLSearchParams): SignedUrlCheck {
    const expires = Number(query.get('expires'));
    const given = Buffer.from(query.get('signature') ?? '', 'utf8');
    const expected = Buffer.from(this.sign(path, expires), 'utf8');
    if (!Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'badSignature';
    return this.now() / 1000 < expires ? 'valid' : 'expired';
  }

  private sign(path: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${path}\n${expires}`).digest('hex');
  }
}

export function storageError(code: 'AccessDenied' | 'SignatureDoesNotMatch', message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
}
