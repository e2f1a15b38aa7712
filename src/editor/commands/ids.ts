/** Every command ID in one place (package.json contributes the same list). */
export const Commands = {
  lookUpProcess: 'idcloud.lookUpProcess',
  switchProfile: 'idcloud.switchProfile',
  refresh: 'idcloud.refresh',
  pin: 'idcloud.pin',
  unpin: 'idcloud.unpin',
  copyProcessId: 'idcloud.copyProcessId',
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
  openSampleLog: 'idcloud.openSampleLog',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
