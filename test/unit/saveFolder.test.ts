import * as assert from 'node:assert/strict';
import { canWrite, writableFolder } from '../../src/core/saveFolder';

describe('save folder', () => {
  it('trusts VS Code\'s answer, and takes an unknown file system as writable only on disk', () => {
    assert.equal(canWrite('file', true), true);
    assert.equal(canWrite('file', false), false);
    assert.equal(canWrite('file', undefined), true);
    assert.equal(canWrite('vscode-vfs', true), true);
    assert.equal(canWrite('vscode-vfs', false), false);
    assert.equal(canWrite('vscode-vfs', undefined), false);
  });

  const home = { scheme: 'file', path: '/home/ana' };
  const answers: Record<string, boolean | undefined> = { file: true, 'read-only': false, memfs: true };
  const isWritable = (scheme: string): boolean | undefined => answers[scheme];

  it('skips the folders of a read-only or unknown file system for the first one that takes writes', () => {
    const folders = [{ scheme: 'read-only', path: '/repo' }, { scheme: 'unknown', path: '/x' }, { scheme: 'memfs', path: '/scratch' }, { scheme: 'file', path: '/work' }];
    assert.deepEqual(writableFolder(folders, home, isWritable), { scheme: 'memfs', path: '/scratch' });
  });

  it('keeps the first folder when it takes writes', () => {
    const folders = [{ scheme: 'file', path: '/work' }, { scheme: 'memfs', path: '/scratch' }];
    assert.deepEqual(writableFolder(folders, home, isWritable), { scheme: 'file', path: '/work' });
  });

  it('falls back to the home folder without a writable workspace folder, or without any', () => {
    assert.equal(writableFolder([{ scheme: 'read-only', path: '/repo' }, { scheme: 'unknown', path: '/x' }], home, isWritable), home);
    assert.equal(writableFolder([], home, isWritable), home);
  });
});
