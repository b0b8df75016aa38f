// What one port remembers between operations: host, options, features, the last read's hints, and the undo stack.
import type { HostFeatures } from './capabilities.ts';
import { layerError } from './errors.ts';
import type { ResolvedOptions } from './host.ts';
import type { SheetHints } from './hints.ts';
import type { RunEnv } from './run.ts';
import type { UndoEntry } from './undo.ts';

export interface PortState {
  env: RunEnv;
  opts: ResolvedOptions;
  features: HostFeatures;
  /** Per sheet, from the last read; dropped for a sheet when the add-in changes it. */
  hints: Map<string, SheetHints>;
  /** Visible sheet names at the last 'all' read, to queue them all in one sync next time. */
  sheetNames: string[] | null;
  /** Payload of the last read: past the budget, the next read goes straight to chunks. */
  lastReadBytes: number;
  undo: UndoEntry[];
}

/**
 * Bytes a sync may carry with a margin for what the estimate leaves out (addresses, request framing).
 * @example budget(state) // 4718592 with the default 5 MB limit
 */
export function budget(state: PortState): number {
  return Math.floor(state.opts.payloadLimit * 0.9);
}

/**
 * The layer needs ExcelApi 1.9 (cell properties, fill patterns); older hosts get a clear 'unsupported'.
 * @example requireBase(state) // throws ExcelLayerError('unsupported') on ExcelApi 1.8
 */
export function requireBase(state: PortState): void {
  if (!state.features.base) throw layerError('unsupported', '1.9');
}

/**
 * Remember an undoable change, keeping at most `undoDepth` of them.
 * @example pushUndo(state, { kind: 'values', sheet, address, inputs })
 */
export function pushUndo(state: PortState, entry: UndoEntry): void {
  state.undo.push(entry);
  if (state.undo.length > state.opts.undoDepth) state.undo.shift();
}
