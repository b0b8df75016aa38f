// Public entry of validation: rules, catalog, issues, reports and how they are shown (import this, not the files behind it).
export * from './catalog.ts';
export * from './check-json.ts';
export * from './context.ts';
export * from './issue.ts';
export * from './present.ts';
export * from './report.ts';
export * from './role-names.ts';
export * from './rules-doc.ts';
export * from './validate.ts';
// The target grammar of indicators ("≥ 70%", "Trên 90% dân số"), which progress reuses to judge actual values.
export { numberInWords, parseTarget, type ParsedTarget } from './rules/indicators.ts';
