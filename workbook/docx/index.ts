// The .docx reader: a Word plan's appendix tables as grids for core's readPlan.
export { readDocx, type DocxOptions, type DocxRead } from './read-docx.ts';
export { DocxReadError, type DocxErrorCode } from './errors.ts';
export { documentKind, type DocumentKind } from './sniff.ts';
export { walkDocument, type DocBlock, type DocTable, type DocParagraph } from './walk.ts';
export type { RefusedTable } from './assemble.ts';
