/**
 * The editor's one command catalogue: every command ID, whichever surface registers it. `Commands`
 * are contributed (package.json lists the same IDs; a host test compares them); `InternalCommands`
 * run only from the extension's own actions (an error message's button) and have no palette entry.
 * Every registration goes through the wrapper in commands/register.ts.
 */
export const Commands = {
  lookUpProcess: 'idcloud.lookUpProcess',
  switchProfile: 'idcloud.switchProfile',
  refresh: 'idcloud.refresh',
  pin: 'idcloud.pin',
  unpin: 'idcloud.unpin',
  copyProcessId: 'idcloud.copyProcessId',
  copyLink: 'idcloud.copyLink',
  copyAsJson: 'idcloud.copyAsJson',
  copyAsCurl: 'idcloud.copyAsCurl',
  openRawJson: 'idcloud.openRawJson',
  lookUpInAllProfiles: 'idcloud.lookUpInAllProfiles',
  togglePersonalData: 'idcloud.togglePersonalData',
  clearHistory: 'idcloud.clearHistory',
  setCredentials: 'idcloud.setCredentials',
  clearCredentials: 'idcloud.clearCredentials',
  testConnection: 'idcloud.testConnection',
  showProcess: 'idcloud.showProcess',
  findProcessIdsInFile: 'idcloud.findProcessIdsInFile',
  showLog: 'idcloud.showLog',
  compareWebhook: 'idcloud.compareWebhook',
  startWebhookInbox: 'idcloud.startWebhookInbox',
  stopWebhookInbox: 'idcloud.stopWebhookInbox',
  storeLeakedCredential: 'idcloud.storeLeakedCredential',
  ignoreLeakedCredential: 'idcloud.ignoreLeakedCredential',
  watch: 'idcloud.watch',
  unwatch: 'idcloud.unwatch',
  showWatches: 'idcloud.showWatches',
  resolveAll: 'idcloud.resolveAll',
  openSampleLog: 'idcloud.openSampleLog',
  lookUpSelection: 'idcloud.lookUpSelection',
  lookUpTerminalSelection: 'idcloud.lookUpTerminalSelection',
  toggleCodeLens: 'idcloud.toggleCodeLens',
} as const;

export const InternalCommands = {
  /** Opens a capped response body read-only (the "Open Raw Response" action of an unreadable answer). */
  openRawResponse: 'idcloud.openRawResponse',
} as const;

export type CommandId =
  | (typeof Commands)[keyof typeof Commands]
  | (typeof InternalCommands)[keyof typeof InternalCommands];
