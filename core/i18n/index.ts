// Public entry of the shared vocabulary: the glossary's terms and how dates are written.
export * from './format.ts';
export * from './glossary.ts';
