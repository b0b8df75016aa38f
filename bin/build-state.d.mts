// Types of bin/build-state.mjs (plain JavaScript so that a production install runs it without TypeScript).

export interface BuildTarget {
  out: string;
  outEnv?: string;
  tool?: string[];
  inputs: string[];
}
export type BuildStateName = 'fresh' | 'stale' | 'missing';

export const ROOT: string;
export const TARGETS: { node: BuildTarget; addin: BuildTarget; web: BuildTarget };
export function outDir(target: BuildTarget, root?: string, env?: Record<string, string | undefined>): string;
export function inputHash(target: BuildTarget, root?: string): string;
export function buildState(target: BuildTarget, root?: string): BuildStateName;
export function isBuilt(target: BuildTarget, root?: string): boolean;
export function writeStamp(target: BuildTarget, hash: string, startedAt: Date, root?: string): void;
