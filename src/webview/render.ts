/**
 * Draws a ViewModel: banner with verdict and profile badge, toolbar, groups of fields,
 * capabilities, services and documents, selfie and evidence set, raw JSON. Every string comes
 * from the host and goes in as text; the only URL ever set is the selfie's data:image URL.
 */
import type {
  CapabilityView, DocumentView, FieldView, GroupView, Labels, MediaView, ServiceView, ViewModel, WebviewMessage,
} from '../protocol';
import { button, h, visibleText } from './dom';
import { ATTENTION_ICON, FLAG_ICON, icon, VERDICT_ICON } from './icons';
import type { JsonTree } from './jsonTree';
import { absoluteTime, relativeTime } from './time';

const SAFE_IMAGE = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export interface RenderContext {
  readonly post: (message: WebviewMessage) => void;
  readonly tree: JsonTree;
}

export function render(view: ViewModel, ctx: RenderContext): Node[] {
  const { labels } = view;
  const out: Node[] = [banner(view), toolbar(view, ctx)];
  if (view.error) out.push(errorBox(view.error, ctx));
  const p = view.process;
  if (p) {
    if (p.unknownNotice) out.push(h('p', { class: 'notice', attrs: { role: 'note' } }, p.unknownNotice));
    out.push(...p.groups.map((g) => group(g, view, ctx)));
    out.push(capabilities(p.capabilities, labels, ctx));
    if (p.services) out.push(services(p.services, labels, view, ctx));
    out.push(p.noMedia ? section('media', labels.media, h('p', { class: 'media-status' }, p.noMedia)) : media(view, ctx));
    ctx.tree.update(p.raw);
    out.push(section('raw', p.rawHeading, ctx.tree.element));
  }
  return out;
}

function section(id: string, heading: string, ...children: (Node | undefined)[]): HTMLElement {
  const headingId = `h-${id}`;
  return h('section', { class: `section section-${id}`, attrs: { 'aria-labelledby': headingId } }, h('h2', { attrs: { id: headingId } }, heading), ...children);
}

function banner(view: ViewModel): HTMLElement {
  const { verdict, title, detail, attention } = view.banner;
  const badge = h('span', { class: view.profile.production ? 'badge production' : 'badge' }, view.profile.label);
  return h('header', { class: `banner verdict-${verdict}${attention ? ' attention' : ''}`, attrs: { role: 'status' } },
    icon(attention ? ATTENTION_ICON : VERDICT_ICON[verdict], 'verdict-icon'),
    h('div', { class: 'banner-text' }, h('h1', {}, title), detail ? h('p', { class: 'banner-detail' }, detail) : undefined),
    h('div', { class: 'banner-side' }, badge, h('code', { class: 'process-id' }, view.ref.id)));
}

function toolbar(view: ViewModel, ctx: RenderContext): HTMLElement {
  const { labels } = view;
  const note = view.personalData ? h('p', { class: view.revealed ? 'privacy revealed' : 'privacy', attrs: { id: 'privacy-note' } }, view.revealed ? labels.personalShown : labels.personalHidden) : undefined;
  return h('div', { class: 'toolbar-row' },
    h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': labels.toolbar } },
      button(view.loading ? labels.loading : labels.refresh, 'refresh', () => { ctx.post({ type: 'refresh' }); }, { disabled: view.loading }),
      view.personalData ? button(view.revealed ? labels.hide : labels.reveal, 'reveal', () => { ctx.post({ type: 'toggleReveal' }); }, { secondary: true, pressed: view.revealed, describedBy: 'privacy-note' }) : undefined,
      button(labels.copyId, 'copy-id', () => { ctx.post({ type: 'copy', what: 'processId' }); }, { secondary: true }),
      button(labels.copyLink, 'copy-link', () => { ctx.post({ type: 'copy', what: 'link' }); }, { secondary: true }),
      view.process ? button(labels.copyJson, 'copy-json', () => { ctx.post({ type: 'copy', what: 'json' }); }, { secondary: true }) : undefined,
      watchButton(view, ctx)),
    note);
}

function watchButton(view: ViewModel, ctx: RenderContext): HTMLElement | undefined {
  if (view.watch === 'available') return button(view.labels.watch, 'watch', () => { ctx.post({ type: 'watch' }); }, { secondary: true });
  if (view.watch === 'watching') return button(view.labels.stopWatching, 'watch', () => { ctx.post({ type: 'unwatch' }); }, { secondary: true });
  return undefined;
}

function errorBox(error: NonNullable<ViewModel['error']>, ctx: RenderContext): HTMLElement {
  return h('div', { class: 'error-box', attrs: { role: 'alert' } },
    h('p', {}, error.message),
    ...error.actions.map((title, index) => button(title, `action-${index}`, () => { ctx.post({ type: 'runAction', index }); }, { secondary: true })));
}

function value(f: FieldView, view: ViewModel, ctx: RenderContext): HTMLElement {
  return h('dd', {}, valueContent(f, view, ctx));
}

/** The raw value as the API sent it, small and monospace, with a button that copies it (through the host). */
function rawValue(raw: string, shown: boolean, labels: Labels, ctx: RenderContext): HTMLElement {
  const copy = h('button', {
    class: 'icon-button', attrs: { type: 'button', title: labels.copyValue, 'aria-label': `${labels.copyValue}: ${raw}`, 'data-key': `copy:${raw}` },
    onClick: () => { ctx.post({ type: 'copyValue', value: raw }); },
  }, icon('copy'));
  return h('span', { class: 'raw' }, shown ? h('code', {}, breakable(raw)) : undefined, copy);
}

function valueContent(f: FieldView, view: ViewModel, ctx: RenderContext): HTMLElement {
  const classes = ['value'];
  if (f.personal) classes.push(view.revealed ? 'personal revealed' : 'personal');
  if (f.tone) classes.push(`tone-${f.tone}`);
  const relative = f.time ? relativeTime(f.value, view.locale) : '';
  const absolute = f.time ? absoluteTime(f.value, view.locale) : '';
  return h('span', { class: classes.join(' ') },
    absolute ? h('span', { class: 'text', attrs: { title: f.value } }, absolute) : h('span', { class: 'text' }, f.value),
    relative ? h('span', { class: 'muted relative' }, ` (${relative})`) : undefined,
    f.raw ? rawValue(f.raw, f.raw !== f.value, view.labels, ctx) : undefined,
    f.unknown ? h('span', { class: 'unknown-mark' }, view.labels.unknownValue) : undefined,
    f.note ? h('span', { class: 'note' }, f.note) : undefined);
}

function fields(list: readonly FieldView[], view: ViewModel, ctx: RenderContext): HTMLElement {
  const dl = h('dl', { class: 'fields' });
  for (const f of list) dl.append(h('dt', {}, f.label), value(f, view, ctx));
  return dl;
}

function group(g: GroupView, view: ViewModel, ctx: RenderContext): HTMLElement {
  return section(g.id, g.heading, fields(g.fields, view, ctx));
}

function table(caption: string, head: readonly string[], rows: readonly (readonly (Node | string)[])[]): HTMLElement {
  return h('table', {},
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { attrs: { scope: 'col' } }, c)))),
    h('tbody', {}, ...rows.map((r) => h('tr', {}, ...r.map((c) => h('td', {}, c))))));
}

/** Capability, then what its value means (toned), then the value as sent (copyable); an unknown value leads itself. */
function capabilities(rows: readonly CapabilityView[], labels: Labels, ctx: RenderContext): HTMLElement {
  return section('capabilities', labels.capabilities, table(labels.capabilities, [labels.capability, labels.meaning, labels.value], rows.map((r) => [
    h('span', {}, h('span', {}, r.capability), h('code', { class: 'field-name' }, r.field)),
    h('span', { class: `tone tone-${r.tone}` }, h('span', { class: 'tone-dot', attrs: { 'aria-hidden': 'true' } }),
      h('span', {}, r.meaning || breakable(r.value), r.known ? undefined : h('span', { class: 'unknown-mark' }, labels.unknownValue))),
    r.value ? rawValue(r.value, Boolean(r.meaning), labels, ctx) : '',
  ])));
}

function flag(f: DocumentView['flags'][number], labels: Labels): HTMLElement {
  const text = f.value === undefined ? labels.absent : f.value ? labels.yes : labels.no;
  return h('li', { class: `flag tone-${f.tone}` }, icon(FLAG_ICON[f.tone]), ` ${f.label}: ${text}`);
}

/** An enum value with line-break opportunities after its underscores (narrow columns). */
function breakable(text: string): Node {
  const span = h('span', { class: 'enum' });
  text.split(/(?<=_)/).forEach((part, i) => {
    if (i > 0) span.appendChild(document.createElement('wbr'));
    span.appendChild(document.createTextNode(visibleText(part)));
  });
  return span;
}

function documentView(d: DocumentView, labels: Labels, view: ViewModel, ctx: RenderContext): HTMLElement {
  const ocr = d.ocr.length > 0
    ? table(labels.ocr, [labels.field, labels.value], d.ocr.map((f) => [h('code', {}, f.label), valueContent(f, view, ctx)]))
    : undefined;
  return h('article', { class: 'document' },
    h('h4', {}, d.heading),
    fields(d.fields, view, ctx),
    h('ul', { class: 'flags' }, ...d.flags.map((f) => flag(f, labels))),
    d.hasPdf ? button(labels.openPdf, `pdf-${d.index}`, () => { ctx.post({ type: 'openPdf', document: d.index }); }) : undefined,
    ocr ? h('h5', {}, labels.ocr) : undefined,
    ocr);
}

function services(list: readonly ServiceView[], labels: Labels, view: ViewModel, ctx: RenderContext): HTMLElement {
  const body = list.length === 0 || list.every((s) => s.documents.length === 0)
    ? [h('p', { class: 'muted' }, labels.noDocuments)]
    : [];
  return section('services', labels.services, ...body, ...list.map((s) => h('div', { class: 'service' },
    h('h3', {}, s.heading), fields(s.fields, view, ctx), ...s.documents.map((d) => documentView(d, labels, view, ctx)))));
}

function mediaStatus(m: MediaView): HTMLElement | undefined {
  return m.text ? h('p', { class: `media-status media-${m.status}`, attrs: { role: m.status === 'error' ? 'alert' : 'status' } }, m.text) : undefined;
}

function media(view: ViewModel, ctx: RenderContext): HTMLElement {
  const { labels, selfie, evidenceSet } = view;
  const img = selfie.dataUrl && SAFE_IMAGE.test(selfie.dataUrl)
    ? h('img', { class: 'selfie', attrs: { src: selfie.dataUrl, alt: labels.selfie } })
    : undefined;
  return section('media', labels.media,
    h('div', { class: 'media' },
      h('h3', {}, labels.selfie),
      button(labels.getSelfie, 'get-selfie', () => { ctx.post({ type: 'getSelfie' }); }, { disabled: selfie.status === 'loading' }),
      selfie.status === 'ready' ? button(labels.save, 'save-selfie', () => { ctx.post({ type: 'save', what: 'selfie' }); }, { secondary: true }) : undefined,
      mediaStatus(selfie), img),
    h('div', { class: 'media' },
      h('h3', {}, labels.evidenceSet),
      button(labels.getEvidenceSet, 'get-evidence', () => { ctx.post({ type: 'getEvidenceSet' }); }, { disabled: evidenceSet.status === 'loading' }),
      evidenceSet.status === 'ready' ? button(labels.save, 'save-evidence', () => { ctx.post({ type: 'save', what: 'evidenceSet' }); }, { secondary: true }) : undefined,
      mediaStatus(evidenceSet)));
}
