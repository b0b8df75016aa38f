// What this Excel can do, asked once: requirement sets behind notes, comments, inserting sheets, merged areas, sign-in.
import type { Capabilities } from './port.ts';

export interface HostFeatures extends Capabilities {
  /** ExcelApi 1.9 (cell properties, fill patterns): the layer's floor. */
  base: boolean;
  /** ExcelApi 1.13: getMergedAreasOrNullObject. */
  mergedAreas: boolean;
}

/**
 * @example detectFeatures(Office).notes // true on ExcelApi 1.18 hosts
 */
export function detectFeatures(office: typeof Office): HostFeatures {
  const has = (version: string) => office.context.requirements.isSetSupported('ExcelApi', version);
  const v113 = has('1.13');
  const nestedAppAuth = office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  const dialog = office.context.requirements.isSetSupported('DialogApi', '1.1');
  return { base: has('1.9'), comments: has('1.10'), insertFromBase64: v113, mergedAreas: v113, notes: has('1.18'), nestedAppAuth, dialog };
}

/** What the pane may offer, from the host's features (the port's capabilities()). */
export function capabilitiesOf(f: HostFeatures): Capabilities {
  return { comments: f.comments, notes: f.notes, insertFromBase64: f.insertFromBase64, nestedAppAuth: f.nestedAppAuth, dialog: f.dialog };
}
