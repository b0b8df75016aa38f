// Public entry of the plan model: grids, appendices, deadlines, A1 addresses, patches (import this, not the files behind it).
export * from './a1.ts';
export * from './appendix.ts';
export * from './deadline.ts';
export * from './grid.ts';
export * from './patch.ts';
export * from './progress-status.ts';
