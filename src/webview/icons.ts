/**
 * Which codicon stands for what, in the panel and the triage view alike. The icons are CSS masks
 * defined in media/icons.css (only these few are shipped); an icon is never the only signal: a
 * word always goes with it, and the icon element is aria-hidden.
 */
import type { Bucket } from '../core/triageTable';
import type { Tone, Verdict } from '../protocol';
import { h } from './dom';

export const CODICONS = [
  'pass-filled', 'error', 'warning', 'circle-slash', 'clockface', 'question', 'circle-large', 'check', 'close', 'dash', 'copy',
] as const;
export type Codicon = (typeof CODICONS)[number];

export const VERDICT_ICON: Readonly<Record<Verdict, Codicon>> = {
  ok: 'pass-filled', invalidIdentity: 'error', error: 'warning', expired: 'circle-slash', pending: 'clockface',
  awaitingDocument: 'clockface', failed: 'error', canceled: 'circle-slash', unknown: 'question',
};

/** An OK that its capabilities do not fully back. */
export const ATTENTION_ICON: Codicon = 'warning';

export const BUCKET_ICON: Readonly<Record<Bucket, Codicon>> = {
  ok: 'pass-filled', invalidIdentity: 'error', expired: 'circle-slash', pending: 'clockface', notFound: 'question', error: 'warning', unresolved: 'circle-large',
};

/** A document check: passed, failed, or neither (absent, or "reused"). */
export const FLAG_ICON: Readonly<Record<Tone, Codicon>> = { good: 'check', bad: 'close', warn: 'warning', neutral: 'dash', unknown: 'question' };

export function iconClass(name: Codicon): string {
  return `codicon codicon-${name}`;
}

export function icon(name: Codicon, extraClass = ''): HTMLElement {
  return h('span', { class: `${iconClass(name)}${extraClass ? ` ${extraClass}` : ''}`, attrs: { 'aria-hidden': 'true' } });
}
