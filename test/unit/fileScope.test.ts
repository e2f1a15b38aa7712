// Where the idcloud_findProcessIds chat tool may read (src/editor/lm/fileScope.ts): inside a
// workspace folder at a `/` boundary, after `.` and `..` are resolved, same scheme and authority;
// on Windows backslashes separate and case does not count.
import * as assert from 'node:assert/strict';
import { isInside, isSame, normalPath } from '../../src/editor/lm/fileScope';

const file = (p: string, authority = ''): { scheme: string; authority: string; path: string } => ({ scheme: 'file', authority, path: p });
const ws = file('/home/me/ws');

describe('fileScope: what the chat tool may read', () => {
  it('normalPath resolves . and .., never climbs above the root, and drops a trailing slash', () => {
    assert.equal(normalPath('/home/me/ws/./logs/../a.log'), '/home/me/ws/a.log');
    assert.equal(normalPath('/home/me/ws/../../../../etc/passwd'), '/etc/passwd');
    assert.equal(normalPath('/home/me/ws/'), '/home/me/ws');
    assert.equal(normalPath('/'), '/');
    assert.equal(normalPath('Untitled-1'), '/Untitled-1');
    assert.equal(normalPath('/c:/ws/..\\..\\x'), '/c:/ws/..\\..\\x', 'on POSIX a backslash is part of a name');
    assert.equal(normalPath('/c:/ws/..\\..\\x', true), '/x');
  });

  it('a file in the folder or below it, and the folder itself, are inside', () => {
    assert.ok(isInside(ws, file('/home/me/ws/a.log')));
    assert.ok(isInside(ws, file('/home/me/ws/logs/deep/a.log')));
    assert.ok(isInside(ws, file('/home/me/ws')));
    assert.ok(isInside(file('/home/me/ws/'), file('/home/me/ws/a.log')));
    assert.ok(isInside(ws, file('/home/me/ws/logs/../a.log')));
    assert.ok(isInside(file('/'), file('/etc/passwd')), 'a folder at the root holds everything under it');
  });

  it('a sibling sharing the prefix, a parent and a .. escape are outside', () => {
    assert.ok(!isInside(ws, file('/home/me/ws2/a.log')));
    assert.ok(!isInside(ws, file('/home/me/ws.log')));
    assert.ok(!isInside(ws, file('/home/me')));
    assert.ok(!isInside(ws, file('/home/me/ws/../.ssh/id_rsa')));
    assert.ok(!isInside(ws, file('/home/me/ws/logs/../../.ssh/id_rsa')));
    assert.ok(!isInside(ws, file('/etc/passwd')));
  });

  it('another scheme or authority is outside, whatever the path', () => {
    assert.ok(!isInside(ws, { scheme: 'vscode-vfs', authority: '', path: '/home/me/ws/a.log' }));
    assert.ok(!isInside(ws, file('/home/me/ws/a.log', 'server')));
    assert.ok(isInside(file('/share/ws', 'Server'), file('/share/ws/a.log', 'server')), 'a host name has no case');
    assert.ok(isInside({ scheme: 'vscode-remote', authority: 'ssh-remote+box', path: '/ws' }, { scheme: 'vscode-remote', authority: 'ssh-remote+box', path: '/ws/a.log' }));
  });

  it('case counts on POSIX; on Windows it does not, and a backslash .. escapes', () => {
    const win = file('/c:/Users/me/ws');
    assert.ok(!isInside(win, file('/C:/users/ME/ws/a.log')));
    assert.ok(isInside(win, file('/C:/users/ME/ws/a.log'), true));
    assert.ok(isInside(win, file('/c:/Users/me/ws\\logs\\a.log'), true));
    assert.ok(!isInside(win, file('/c:/Users/me/ws/..\\..\\me2\\a.log'), true));
    assert.ok(!isInside(win, file('/c:/Users/me/ws\\..\\.ssh\\id_rsa'), true));
    assert.ok(!isInside(win, file('/d:/Users/me/ws/a.log'), true));
    assert.ok(!isInside(win, file('/c:/Users/me/ws2/a.log'), true));
  });

  it('isSame compares scheme, authority, normalized path and query', () => {
    const untitled = { scheme: 'untitled', authority: '', path: 'Untitled-1' };
    assert.ok(isSame(untitled, { ...untitled }));
    assert.ok(!isSame(untitled, { ...untitled, path: 'Untitled-2' }));
    assert.ok(isSame(file('/tmp/a.log'), file('/tmp/x/../a.log')));
    assert.ok(!isSame(file('/tmp/a.log'), file('/tmp/A.log')));
    assert.ok(isSame(file('/c:/tmp/a.log'), file('/C:/TMP/A.log'), true));
    const git = { scheme: 'git', authority: '', path: '/ws/a.log', query: '{"ref":"HEAD"}' };
    assert.ok(!isSame(git, { ...git, query: '{"ref":"HEAD~1"}' }));
    assert.ok(!isSame(git, file('/ws/a.log')));
  });
});
