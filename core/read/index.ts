// Public entry of the reader: grids or text → Plan.
export { readPlan, textToGrid, type ReadResult, type SheetRead } from './read-plan.ts';
export { findTables, ID_HEADER, isIdHeader, type TableSpec } from './find-tables.ts';
export { readTable } from './read-table.ts';
export { readListForm, stripWordArtifacts, hasWordArtifact } from './list-form.ts';
export { textGrid, type TextGrid } from './text-grid.ts';
export { parseTitleBlock, parseReference, periodOf } from './title-block.ts';
export { roleOfLabel } from './header-roles.ts';
export { cellText, formatDate } from './cell-text.ts';
export { headingOf, splitHeading } from './heading.ts';
export { parseDay, parseStatus, statusWordList } from './progress-cells.ts';
