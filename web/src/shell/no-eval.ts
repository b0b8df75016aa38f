// Imported first by every page: zod (used by core's models and the API's schemas) would otherwise probe `new
// Function` to compile fast parsers, which the pages' CSP (no 'unsafe-eval') reports as a violation. Interpreted
// parsing is fast enough here. Set through the global zod reads its configuration from when it loads, without
// importing zod: a module that imports zod runs after zod's chunk, and the bundler may put schemas (core/model) in
// that chunk, built before a config() call here could run.
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });
