// The fake's request machinery, strict like Office.js: proxies queue work, context.sync() runs it, then reads work.
import { fail } from './errors.ts';
import { Node, type Action, type Staging } from './node.ts';
import { compareVersions, strictObject } from './strict.ts';
import { defaultFormat } from './style.ts';
import type { CellStyle } from './types.ts';
import type { WorkbookModel } from './workbook-model.ts';

/** One Office.js class of the subset: its scalar properties, navigation properties and methods. */
export interface ClassSpec {
  name: string;
  props?: Record<string, PropSpec>;
  nav?: Record<string, NavSpec>;
  methods?: Record<string, MethodSpec>;
  /** For collections: the class of the items and how to list them. */
  items?: { cls: string; list(target: unknown, rt: Runtime): unknown[] };
}

export interface PropSpec {
  get(target: never, rt: Runtime): unknown;
  set?(target: never, value: unknown, rt: Runtime): void;
  api?: string;
}

export interface NavSpec {
  cls: string;
  make(target: never, rt: Runtime): unknown;
  api?: string;
}

export interface MethodSpec {
  /** A class name (the method returns an object), 'result' (a ClientResult) or 'void'. */
  returns: string;
  api?: string;
  run(target: never, args: unknown[], rt: Runtime): unknown;
}

export interface Stats {
  syncs: number;
  runs: number;
  /** Estimated request + response size of every executed sync, in bytes (JSON of written and loaded data). */
  payloadBytes: number[];
}

export interface RuntimeOptions {
  excelApi: string;
  payloadLimit: number;
  /** Whether Office reports the NestedAppAuth 1.1 requirement set (Microsoft 365 hosts with nested app authentication). */
  nestedAppAuth?: boolean;
}

export class Runtime {
  readonly stats: Stats = { syncs: 0, runs: 0, payloadBytes: [] };
  cellEditMode = false;
  hang = false;
  /** What an unformatted cell reports (and the schema of the formats the fake models). */
  readonly defaults: Required<CellStyle>;
  private readonly nodes = new WeakMap<object, Node>();

  constructor(
    readonly model: WorkbookModel,
    readonly specs: Record<string, ClassSpec>,
    readonly opts: RuntimeOptions,
  ) {
    this.defaults = defaultFormat(model.defaultFont);
  }

  supports(api: string | undefined): boolean {
    return api === undefined || compareVersions(this.opts.excelApi, api) >= 0;
  }

  requireApi(api: string | undefined, where: string): void {
    if (!this.supports(api)) throw fail('ApiNotFound', `${where} needs ExcelApi ${api}; this host supports ${this.opts.excelApi}.`, where);
  }

  /** The node behind a proxy passed as an argument (a Range given to notes.add), or undefined. */
  nodeOf(value: unknown): Node | undefined {
    return typeof value === 'object' && value !== null ? this.nodes.get(value) : undefined;
  }

  register(proxy: object, node: Node): void {
    this.nodes.set(proxy, node);
  }

  /** Excel.run: a fresh request context per batch; pending work left unsynced at the end is a bug in the caller. */
  async run<T>(batch: (context: unknown) => Promise<T>): Promise<T> {
    this.stats.runs++;
    const ctx = new Context(this);
    try {
      const result = await batch(ctx.proxy);
      if (ctx.queue.length > 0) {
        throw fail(
          'PendingActionsNotSynced',
          `${ctx.queue.length} queued action(s) were never synced: call await context.sync() before Excel.run returns.`,
          'Excel.run',
        );
      }
      return result;
    } finally {
      ctx.closed = true;
    }
  }
}

/** Excel.RequestContext: the queue of one Excel.run and its sync. */
export class Context {
  queue: Action[] = [];
  closed = false;
  readonly proxy: object;
  readonly workbook: Node;

  constructor(readonly rt: Runtime) {
    this.workbook = new Node(this, rt.specs.Workbook!, () => rt.model);
    this.proxy = strictObject('RequestContext', { workbook: this.workbook.proxy, sync: () => this.sync() });
  }

  enqueue(action: Action): void {
    if (this.closed) throw fail('InvalidObjectPath', 'This request context belongs to an Excel.run that has finished.', 'RequestContext');
    this.queue.push(action);
  }

  sync(): Promise<void> {
    if (this.closed) return Promise.reject(fail('InvalidObjectPath', 'context.sync() after Excel.run finished.', 'RequestContext.sync'));
    const { rt } = this;
    rt.stats.syncs++;
    const actions = this.queue.splice(0);
    if (rt.cellEditMode) {
      return Promise.reject(
        fail(
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
          'RequestContext.sync',
        ),
      );
    }
    if (rt.hang) return new Promise<void>(() => undefined);
    const request = actions.reduce((n, a) => n + a.bytes, 0);
    const limit = rt.opts.payloadLimit;
    if (request > limit) {
      rt.stats.payloadBytes.push(request);
      return Promise.reject(payloadError(request, limit));
    }
    const st: Staging = { values: [], loadedOnce: [], results: [], bytes: 0 };
    try {
      // Like Excel, actions run in order and a failing one stops the batch; those before it stay applied.
      for (const a of actions) a.run(st);
    } catch (err) {
      return Promise.reject(err);
    }
    const total = request + st.bytes;
    rt.stats.payloadBytes.push(total);
    // The response is refused after the host ran the batch (Excel on the web behaves the same for a too-large response).
    if (total > limit) return Promise.reject(payloadError(total, limit));
    for (const [node, key, value] of st.values) node.loaded.set(key, value);
    for (const [node, isNull] of st.loadedOnce) {
      node.loadedOnce = true;
      node.isNull = isNull;
    }
    for (const [res, value] of st.results) {
      res.value = value;
      res.loaded = true;
    }
    return Promise.resolve();
  }
}

function payloadError(bytes: number, limit: number) {
  return fail(
    'RequestPayloadSizeLimitExceeded',
    `The request payload size (${bytes} bytes) has exceeded the limit (${limit} bytes).`,
    'RequestContext.sync',
  );
}
