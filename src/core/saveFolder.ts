/**
 * Where a save dialog should open: a folder the save can succeed in. A read-only virtual workspace
 * (a FileSystemProvider registered with isReadonly) would otherwise be proposed, and the save would
 * fail with the file system's error.
 */

/**
 * Whether files can be written on `scheme`, from VS Code's answer (`workspace.fs.isWritableFileSystem`):
 * false is no; undefined (a provider VS Code does not know yet) is yes only for the disk (`file`).
 */
export function canWrite(scheme: string, writable: boolean | undefined): boolean {
  return writable ?? scheme === 'file';
}

/** The first of `folders` whose file system takes writes, else `home`. */
export function writableFolder<T extends { readonly scheme: string }>(
  folders: readonly T[],
  home: T,
  isWritable: (scheme: string) => boolean | undefined,
): T {
  return folders.find((f) => canWrite(f.scheme, isWritable(f.scheme))) ?? home;
}
