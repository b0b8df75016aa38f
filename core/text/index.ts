// Public entry of text handling: folding, normalizing, ordinals, tone style, legacy encodings (import this, not the files behind it).
export * from './fold.ts';
export * from './formula.ts';
export * from './normalize.ts';
export * from './ordinal.ts';
export * from './tone-style.ts';
export * from './legacy/index.ts';
