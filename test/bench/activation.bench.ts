// Activation, as the bench can measure it: dist/extension.js (the activation bundle) loaded in a
// fresh Node process with a stub `vscode` module whose every API is a no-op, and activate() run
// once with ExtensionMode.Test so it hands back the figure it measured itself (performance.now
// around the composition root). This is the extension's own work at activation: VS Code's
// registration costs are not in it. The real extension host's figure is printed by the host tier
// (test/host/activation.test.ts) and logged by every activation ("activated in … ms").
// Then the lazily loaded features bundle (dist/features.js) is required once, as its first
// command would: the first-invocation cost that activation no longer pays.
// A fresh process per sample, so module loading is cold each time. Figures reported, never asserted.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SAMPLES = 7;
const ROOT = path.join(__dirname, '..', '..');

/** Runs in the child: a stub vscode, the bundle's load time, activate()'s own figure. */
const CHILD = String.raw`
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
// Every name the bundle reads off the vscode module (esbuild copies the module's own keys).
const names = [...new Set([...require('node:fs').readFileSync(process.argv[2], 'utf8').matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]))];
const stub = (() => {
  let proxy;
  const handler = {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'ExtensionMode') return { Production: 1, Development: 2, Test: 3 };
      if (prop === 'prototype') return Target.prototype;
      // Settings at their defaults; dialogs answered with nothing.
      if (prop === 'getConfiguration') return () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined });
      if (typeof prop === 'string' && /^show\w*(Message|Pick|Box)$/.test(prop)) return async () => undefined;
      return proxy;
    },
    // What a call returns keeps what is assigned to it (a status bar item's text…).
    apply: () => Object.create(proxy),
    set: (_t, prop, value, receiver) => receiver === proxy || Reflect.defineProperty(receiver, prop, { value, writable: true, configurable: true, enumerable: true }),
    // A real object whose prototype chain ends in the stub: subclasses keep their own fields.
    construct: (_t, _args, newTarget) => Reflect.construct(Object, [], newTarget),
    ownKeys: () => [...names, 'prototype'],
    getOwnPropertyDescriptor: (t, prop) => prop === 'prototype' ? Reflect.getOwnPropertyDescriptor(t, prop) : { configurable: true, enumerable: true, value: proxy },
  };
  const Target = class {};
  proxy = new Proxy(Target, handler);
  Object.setPrototypeOf(Target.prototype, proxy);
  return proxy;
})();
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const memento = () => { const m = new Map(); return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => { m.set(k, v); }, keys: () => [...m.keys()] }; };
const context = {
  subscriptions: [], extensionMode: 3, extensionUri: stub, extensionPath: process.argv[1], extension: { id: 'idcloud-process-lens.idcloud-process-lens' },
  workspaceState: memento(), globalState: Object.assign(memento(), { setKeysForSync() {} }),
  secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
};
const t0 = performance.now();
const ext = require(process.argv[2]);
const loadMs = performance.now() - t0;
const api = ext.activate(context);
const path = require('node:path');
const features = {};
{
  const t = performance.now();
  require(path.join(path.dirname(process.argv[2]), 'features.js'));
  features['features.js'] = performance.now() - t;
}
api.startupMs.then((startupMs) => {
  process.stdout.write(JSON.stringify({ loadMs, activationMs: api.activationMs, startupMs, features }));
  process.exit(0);
});
`;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

interface Sample {
  readonly loadMs: number;
  readonly activationMs: number;
  /** The start-up task activate() schedules for right after it (status bar, views, document providers, credential scan). */
  readonly startupMs: number;
  /** ms to require dist/features.js (the first use of any command-only feature), by file name. */
  readonly features: Record<string, number>;
}

export function run(): Promise<Record<string, number | string>> {
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const out = execFileSync(process.execPath, ['-e', CHILD, ROOT, bundle], { encoding: 'utf8' });
    samples.push(JSON.parse(out) as Sample);
  }
  const round = (n: number): number => Number(n.toFixed(2));
  const features: Record<string, number> = {};
  for (const name of Object.keys(samples[0]?.features ?? {})) {
    const file = path.join(ROOT, 'dist', name);
    features[`activation: first use of any command-only feature, dist/${name} (${round(fs.statSync(file).size / 1024)} KB), require, stub vscode (ms, median)`] = round(median(samples.map((s) => s.features[name] ?? NaN)));
  }
  return Promise.resolve({
    'activation: activate() as measured by itself, stub vscode, cold process (ms, median of 7)': round(median(samples.map((s) => s.activationMs))),
    'activation: goal (ms)': 10,
    'activation: the start-up task right after activate() (status bar, views, document providers, credential scan), stub vscode (ms, median)': round(median(samples.map((s) => s.startupMs))),
    'activation: loading dist/extension.js before activate(), stub vscode (ms, median)': round(median(samples.map((s) => s.loadMs))),
    'activation: dist/extension.js as built (KB)': round(fs.statSync(bundle).size / 1024),
    ...features,
  });
}
