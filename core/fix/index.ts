// Public entry of fixes: patches, their order, fix-all and the pure grid applier (import this, not the files behind it).
export * from './apply-grid.ts';
export * from './fix-all.ts';
export * from './fix-summary.ts';
export * from './order.ts';
export * from './patch.ts';
