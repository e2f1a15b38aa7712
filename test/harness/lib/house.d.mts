// Types of house.mjs for the TypeScript side (test/unit/house.test.ts).
export const MAX_LINES: number;
export function sourceFiles(dir: string): string[];
export function importsOf(file: string, text: string, known: ReadonlySet<string>): string[];
export function importGraph(files: readonly string[]): Map<string, string[]>;
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][];
export function longFiles(files: readonly string[]): { file: string; lines: number }[];
export function lineCount(text: string): number;
