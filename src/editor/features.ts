/**
 * Entry of dist/features.js: the features only a command or an opened view needs, required on the
 * first use of any of them (src/editor/lazy.ts, each by its export name). One bundle rather than
 * one per feature: the editor code they share (messages, summaries, the model) ships once.
 */
export * as deeplink from './deeplink/handler';
export * as findInFile from './ids/findInFile';
export * as lmTools from './lm/tools';
export * as panel from './panel/panel';
export * as profiles from './profiles/flows';
export * as secrets from './secrets/onDemand';
export * as triage from './triage/index';
export * as webhooks from './webhooks/onDemand';
