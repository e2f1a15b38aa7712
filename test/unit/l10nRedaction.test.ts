// Error messages reach the screen through the same redaction as the log (errorMessages.ts
// forScreen): a message whose own wording looks like a secret ("token: it was…", "key=…") would be
// shown half-redacted. Every string of both bundles, placeholders filled, must come through intact.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { redact } from '../../src/core/redact';

function strings(file: string): string[] {
  const bundle = JSON.parse(readFileSync(resolve(process.cwd(), file), 'utf8')) as Record<string, unknown>;
  return Object.values(bundle).map((v) => (typeof v === 'string' ? v : (v as { message: string }).message));
}

/**
 * Shown only as details of the webhook inbox's authentication pick (webhooks/inbox.ts), which is
 * not redacted: they name the header's form, with no secret in it.
 */
const NEVER_REDACTED = new Set([
  'Authorization: Basic, from user:password.', 'Authorization: Basic, a partir de usuario:senha.',
  'Authorization: Bearer <token>.',
]);

/** The strings redaction would change, with what it makes of them. */
function mangled(texts: readonly string[]): string[] {
  return texts
    .filter((t) => !NEVER_REDACTED.has(t))
    .map((t) => t.replace(/\{\d+\}/g, 'Sandbox'))
    .filter((t) => redact(t) !== t)
    .map((t) => `${t}\n    → ${redact(t)}`);
}

describe('l10n: no message is mangled by the redaction every screen applies', () => {
  it('finds a message whose wording looks like a secret (the check can fail)', () => {
    assert.equal(mangled(['could not verify the access token: it was issued elsewhere', 'Refresh']).length, 1);
  });

  for (const file of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.pt-br.json']) {
    it(`${file}: every string survives redact() unchanged`, () => {
      assert.deepEqual(mangled(strings(file)), []);
    });
  }
});
