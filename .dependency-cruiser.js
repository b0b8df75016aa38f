// Import rules of the repository, checked by dependency-cruiser in `npm test` (`npm run deps`).
// ARCHITECTURE.md explains the layers; each rule's `comment` says why it exists. Type-only imports count: a type
// pulled from another layer ties the two as surely as a value does.
//
// Known violations are listed by name in KNOWN below: each is excepted edge by edge (never a whole folder), so
// any new violation still fails `npm test`. Remove an entry when the code it names is fixed.
import { builtinModules } from 'node:module';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (paths) => `^(${paths.map(escape).join('|')})$`;

/** Node's built-in modules, as dependency-cruiser names them (`fs`, `node:test`, …). */
const NODE_BUILTINS = `^(node:)?(${builtinModules.map(escape).join('|')})(/|$)`;

const KNOWN = {
  /** addin/ or web/ importing server/: file → the server files it may import, no others. None today. */
  browserToServer: {},
  /** server/ or workbook/ importing the CLI: file → CLI files it may import. None today. */
  serverToCli: {},
  /**
   * Folders that import each other (a cycle between folders, not necessarily between files). Each group names the
   * import that closes its loops, then every folder → folder edge that lies on one of them today: those edges are let
   * through, any other edge that closes a loop fails.
   */
  folderCycles: [],
  /**
   * File cycles, each as the set of files it runs through: a cycle made only of these files is excepted.
   * test/support/fake-excel: node.ts ⇄ runtime.ts (runtime creates Nodes; a Node takes the Context and class specs
   * from runtime.ts, as types), and load-paths.ts → runtime.ts → node.ts → load-paths.ts.
   */
  fileCycles: ['test/support/fake-excel/node.ts', 'test/support/fake-excel/runtime.ts', 'test/support/fake-excel/load-paths.ts'],
};

/** [from, to] pairs → { from: [to, …] }. */
const byFrom = (edges) => {
  const out = {};
  for (const [from, to] of edges) (out[from] ??= []).push(to);
  return out;
};

/** One rule per excepted file (only its listed targets allowed) plus the rule for every other file. */
function exceptingEdges(rule, known) {
  const froms = Object.keys(known);
  const and = (restriction, key, value) => [restriction[key], value].flat().filter(Boolean);
  return [
    { ...rule, from: { ...rule.from, pathNot: and(rule.from, 'pathNot', anyOf(froms)) } },
    ...froms.map((from) => ({
      ...rule,
      comment: `${rule.comment} Known violation (see KNOWN in this file): ${from} → ${known[from].join(', ')}.`,
      from: { ...rule.from, path: anyOf([from]) },
      to: { ...rule.to, pathNot: and(rule.to, 'pathNot', anyOf(known[from])) },
    })),
  ];
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    // core/: the pure model, run in the task pane, the web pages, the server and the CLI alike.
    {
      name: 'core-imports-only-core',
      severity: 'error',
      comment:
        'core/ runs everywhere: it imports its own files (and JSON data) only, never addin, server, web, bench, test, scripts or templates.',
      from: { path: '^core/' },
      to: { pathNot: '^core/|(^|/)node_modules/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'core/ runs in the browser too: no Node built-in modules (fs, path, crypto, zlib, …).',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-only-zod',
      severity: 'error',
      comment: 'The only package core/ may use is zod: no React, Office, DOM libraries, Hono, exceljs, fflate, pg, kysely, …',
      from: { path: '^core/' },
      to: { path: '(^|/)node_modules/', pathNot: '(^|/)node_modules/zod/' },
    },

    // The browser side (task pane, web pages) never imports the server.
    ...exceptingEdges(
      {
        name: 'browser-not-to-server',
        severity: 'error',
        comment: 'addin/ and web/ are browser bundles and never import server/ or the CLI (what both need belongs in core/ or workbook/).',
        from: { path: '^(addin|web)/' },
        to: { path: '^(server|cli)/' },
      },
      KNOWN.browserToServer,
    ),
    {
      name: 'browser-no-node-builtins',
      severity: 'error',
      comment:
        'The task pane and the web pages must not reach a Node built-in through any import chain: Vite leaves it out and the page fails at run time (as it once did when the zip reader switched to node:zlib).',
      from: { path: '^(addin|web)/src/' },
      to: { reachable: true, path: NODE_BUILTINS },
    },
    {
      name: 'addin-excel-only-core',
      severity: 'error',
      comment: 'addin/src/excel (the Office.js layer) imports core/ and its own files only (and the office-js types).',
      from: { path: '^addin/src/excel/' },
      to: { pathNot: '^(addin/src/excel|core)/|(^|/)node_modules/@types/office-js/' },
    },
    {
      name: 'fake-excel-browser-safe',
      severity: 'error',
      comment:
        'The fake Excel host is bundled into the browser tests: nothing it reaches may be a package (type declarations aside) or a Node built-in, and it must not pull in the Node-only snapshot.ts.',
      from: { path: '^test/support/fake-excel/fake-host\\.ts$' },
      to: { reachable: true, path: `(^|/)node_modules/(?!@types/)|^test/support/fake-excel/snapshot\\.ts$|${NODE_BUILTINS}` },
    },

    // The server's HTTP side never imports the command-line tool.
    ...exceptingEdges(
      {
        name: 'server-not-to-cli',
        severity: 'error',
        comment: 'The CLI (cli/) uses the server and the workbook module, not the other way round: server/ and workbook/ never import it.',
        from: { path: '^(server|workbook)/' },
        to: { path: '^cli/' },
      },
      KNOWN.serverToCli,
    ),

    {
      name: 'product-not-to-dev-folders',
      severity: 'error',
      comment: 'What ships (core, workbook, cli, addin, server, web, bin) never imports tests, benchmarks or scripts.',
      from: { path: '^(core|workbook|cli|addin|server|web|bin)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'runtime-not-to-dev-dependencies',
      severity: 'error',
      comment:
        'The server and the CLI run from a production install (npm ci --omit=dev): what they import at run time is a dependency, not a devDependency (types-only imports are erased). server/workers/worker.mjs loads tsx only when running from the sources; compiled, the pool starts worker.js.',
      from: { path: '^(core|workbook|cli|server|bin)/', pathNot: '^server/workers/worker\\.mjs$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'workbook-is-portable',
      severity: 'error',
      comment:
        'workbook/ (reading, editing and writing .xlsx) is shared by the server, the CLI and the web page: it never imports the HTTP server.',
      from: { path: '^workbook/' },
      to: { path: '^server/' },
    },
    {
      name: 'core-through-front-doors',
      severity: 'error',
      comment:
        "Outside core/, a core folder is reached through its index.ts (core/deadline.ts and core/agencies.ts for those two), never a file behind it; core's own tests may test a file directly, and the fake Excel host (which must reach no package) takes core/model/a1.ts alone.",
      from: { path: '^(workbook|cli|addin|server|web|bench|scripts|bin|test)/', pathNot: '^test/core/|^test/support/fake-excel/' },
      to: { path: '^core/[^/]+/', pathNot: '^core/[^/]+/index\\.ts$|^core/data/' },
    },

    // No cycles, between files or between folders, anywhere (tests and benchmarks included).
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles between files. Move the shared type or helper into a file of its own.',
      from: {},
      to: { circular: true, via: { pathNot: anyOf(KNOWN.fileCycles) } },
    },
    ...exceptingEdges(
      {
        name: 'no-circular-folders',
        severity: 'error',
        scope: 'folder',
        comment: 'No two folders import each other, directly or around a loop: a folder is a layer or a feature, not half of one.',
        from: {},
        to: { circular: true },
      },
      byFrom(KNOWN.folderCycles.flatMap((group) => group.edges)),
    ),

    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing (a typo, a file moved without its importers).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-unlisted-package',
      severity: 'error',
      comment: "A package used but not declared in package.json works only while another package's dependency brings it.",
      from: { pathNot: '(^|/)node_modules/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '^(coverage|data|test-artifacts)/|^(addin|web)?/?dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
