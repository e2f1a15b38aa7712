/**
 * Features that only a command (or an opened view) needs live in their own bundles next to
 * dist/extension.js (dist/features.js, built by esbuild.mjs: one bundle, so the code they share is
 * shipped once) and are required on first use, as
 * dist/network.js is (DESIGN §13). Activation registers cheap stubs; the first invocation loads the
 * bundle and builds the feature once; a bundle that cannot be loaded becomes a FeatureLoadError,
 * which errorMessages.ts turns into a clear message (and the next invocation tries again).
 */
import * as path from 'path';
import { performance } from 'perf_hooks';
import type * as vscode from 'vscode';

/** A feature bundle could not be required (a damaged or partial install). */
export class FeatureLoadError extends Error {
  override readonly name = 'FeatureLoadError';

  constructor(readonly feature: string, readonly file: string, cause: unknown) {
    super(`could not load ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** True for a FeatureLoadError (by name: the error classes exist once per bundle). */
export function isFeatureLoadError(err: unknown): err is FeatureLoadError {
  return err instanceof Error && err.name === 'FeatureLoadError' && typeof (err as Partial<FeatureLoadError>).file === 'string';
}

/**
 * One lazily built feature: `get()` requires dist/features.js and takes its `name` export (the module type `M` is a
 * type-only import of its entry) and builds the feature from it the first time, then returns the
 * same instance. Disposing disposes what was built (nothing if it never was).
 */
export class LazyFeature<M, T> implements vscode.Disposable {
  private instance: T | undefined;
  private disposed = false;

  constructor(
    readonly name: string,
    private readonly build: (bundle: M) => T,
    private readonly log: Pick<vscode.LogOutputChannel, 'info' | 'error'>,
    /** The features bundle: next to this (activation) bundle unless a test says otherwise. */
    private readonly file = path.join(__dirname, 'features.js'),
  ) {}

  /** The feature if it was built already (never loads anything). */
  get loaded(): T | undefined {
    return this.instance;
  }

  get(): T {
    if (this.instance !== undefined) return this.instance;
    if (this.disposed) throw new Error(`${this.name}: used after the extension was deactivated`);
    const started = performance.now();
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, loaded on first use
      const all = require(this.file) as Record<string, M | undefined>;
      const bundle = all[this.name];
      if (bundle === undefined) throw new Error(`it has no feature "${this.name}"`);
      this.instance = this.build(bundle);
    } catch (e) {
      const err = new FeatureLoadError(this.name, `dist/${path.basename(this.file)}`, e);
      this.log.error(`${err.name}: ${err.message}`);
      throw err;
    }
    this.log.info(`${this.name}: loaded on first use in ${(performance.now() - started).toFixed(1)} ms`);
    return this.instance;
  }

  /** `get()` as a promise (a load failure rejects): what the host tests await. */
  load(): Promise<T> {
    return new Promise((resolve) => { resolve(this.get()); });
  }

  dispose(): void {
    this.disposed = true;
    const built = this.instance as Partial<vscode.Disposable> | undefined;
    this.instance = undefined;
    built?.dispose?.();
  }
}
