/** Binary assets imported by the emulator; esbuild's `binary` loader turns them into bytes. */
declare module '*.jpg' {
  const bytes: Uint8Array;
  export default bytes;
}
