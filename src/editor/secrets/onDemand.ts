/**
 * Entry of dist/features.js (its `secrets` export): the Store flow of a committed credential (which profile,
 * the questions, validation, the secret storage). The scan and its quick fixes run from
 * activation (controller.ts); this bundle is required on the first Store (editor/lazy.ts).
 */
export { windowPrompts } from './prompts';
export { storeLeak } from './store';
