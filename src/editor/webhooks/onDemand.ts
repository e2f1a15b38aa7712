/**
 * Entry of dist/features.js (its `webhooks` export): the Webhook Inbox (its receiver and view items), the
 * questions that start it, and Compare Webhook with the API. index.ts registers the view and the
 * commands at activation and requires this bundle on the first command (editor/lazy.ts).
 */
export { compareWithApi } from './compare';
export { askInboxSettings, WebhookInbox } from './inbox';
