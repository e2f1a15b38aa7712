/**
 * The process panel's browser side. It keeps `{ ref }` as its state (so the panel can be restored
 * after a reload — never personal data), says `ready`, and draws every `render` the host posts.
 * It never talks to the network (the CSP forbids it anyway) and never opens a URL itself.
 */
import { isHostMessage, type PanelState, type ViewModel, type WebviewMessage } from '../protocol';
import { JsonTree } from './jsonTree';
import { render } from './render';

interface VsCodeApi {
  postMessage(message: unknown): void;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const root = document.getElementById('root');
const state: PanelState = { ref: { id: document.body.dataset.processId ?? '', profileId: document.body.dataset.profileId ?? '' } };
api.setState(state);

function post(message: WebviewMessage): void {
  api.postMessage(message);
}

let tree: JsonTree | undefined;

function draw(view: ViewModel): void {
  if (!root) return;
  tree ??= new JsonTree(view.labels);
  // Keep the user's place: the focused control (by data-key), its caret, and the scroll position.
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.key : undefined;
  const caret = document.activeElement instanceof HTMLInputElement ? document.activeElement.selectionStart : null;
  const scroll = window.scrollY;
  root.replaceChildren(...render(view, { post, tree }));
  root.setAttribute('aria-busy', String(view.loading));
  document.title = view.banner.title;
  window.scrollTo(0, scroll);
  if (active) {
    const again = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(active)}"]`);
    again?.focus();
    if (again instanceof HTMLInputElement && caret !== null) again.setSelectionRange(caret, caret);
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isHostMessage(event.data)) draw(event.data.view);
});
post({ type: 'ready' });
