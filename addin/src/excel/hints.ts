// What a read learns about a sheet beyond its cells, so marking it next can skip a read: its common fill, its notes.

/** A cell's fill as Excel reports it; pattern 'None' means no fill at all. */
export interface PriorFill {
  pattern: string;
  color?: string;
  patternColor?: string;
}

export interface SheetHints {
  /** 1-based bounds of the values read (null for a blank sheet). */
  used: { top: number; left: number; bottom: number; right: number } | null;
  /** The fill every cell of `used` shares, or null when cells differ. */
  fill: PriorFill | null;
  /** Notes and threaded comments on the sheet when it was read (null where the host lacks the API). */
  notes: number | null;
  comments: number | null;
}

/**
 * Whether a 1-based cell lies inside the hinted bounds.
 * @example inside(hints, 7, 3) // is C7 within the values read?
 */
export function inside(h: SheetHints, row: number, col: number): boolean {
  return h.used !== null && row >= h.used.top && row <= h.used.bottom && col >= h.used.left && col <= h.used.right;
}
