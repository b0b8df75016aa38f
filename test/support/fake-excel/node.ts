// A proxy object of the fake (Range, Worksheet, …): resolves to the model when the batch runs, holds what was loaded.
import { fail } from './errors.ts';
import { checkPath, parseLoad } from './load-paths.ts';
import type { ClassSpec, Context, MethodSpec } from './runtime.ts';
import { notLoaded, PROBES, ResultState, size } from './strict.ts';

/** What a sync collects while its actions run; committed to the proxies only if the whole sync succeeds. */
export interface Staging {
  values: [Node, string, unknown][];
  loadedOnce: [Node, boolean][];
  results: [ResultState, unknown][];
  bytes: number;
}

export interface Action {
  bytes: number;
  run(st: Staging): void;
}

export class Node {
  readonly loaded = new Map<string, unknown>();
  loadedOnce = false;
  isNull = false;
  readonly proxy: object;
  private resolved = false;
  private memo: unknown;
  private readonly children = new Map<string, Node>();

  constructor(
    readonly ctx: Context,
    readonly cls: ClassSpec,
    private readonly resolver: () => unknown,
  ) {
    this.proxy = new Proxy(
      {},
      {
        get: (_t, key) => this.get(key),
        set: (_t, key, value) => {
          this.set(key, value);
          return true;
        },
        has: () => false,
        ownKeys: () => [],
        getOwnPropertyDescriptor: () => undefined,
        defineProperty: () => {
          throw fail('UnknownMember', `Cannot define properties on ${cls.name}`);
        },
        deleteProperty: () => {
          throw fail('UnknownMember', `Cannot delete properties of ${cls.name}`);
        },
      },
    );
    ctx.rt.register(this.proxy, this);
  }

  /** The model object this proxy stands for (null for a null object), resolved once, when the batch first needs it. */
  target(): unknown {
    if (!this.resolved) {
      this.memo = this.resolver();
      this.resolved = true;
    }
    return this.memo;
  }

  /** The target, refusing null objects: Office.js objects returned by *OrNullObject must be checked before use. */
  live(where: string): unknown {
    const t = this.target();
    if (t === null || t === undefined)
      throw fail('InvalidObjectPath', `${where} was called on a null object (check isNullObject first).`, where);
    return t;
  }

  child(key: string): Node {
    let c = this.children.get(key);
    if (!c) {
      const nav = this.cls.nav![key]!;
      const rt = this.ctx.rt;
      c = new Node(this.ctx, rt.specs[nav.cls]!, () => {
        rt.requireApi(nav.api, `${this.cls.name}.${key}`);
        return nav.make(this.live(`${this.cls.name}.${key}`) as never, rt);
      });
      this.children.set(key, c);
    }
    return c;
  }

  private get(key: string | symbol): unknown {
    if (typeof key === 'symbol' || PROBES.has(key)) return undefined;
    const { cls } = this;
    if (key === 'toJSON') return () => Object.fromEntries(this.loaded);
    if (key === 'context') return this.ctx.proxy;
    if (key === 'load') return (arg?: unknown) => this.load(arg);
    if (key === 'isNullObject') {
      if (!this.loadedOnce) throw notLoaded(cls.name, key);
      return this.isNull;
    }
    if (cls.props?.[key] || (cls.items && key === 'items')) {
      if (!this.loaded.has(key)) throw notLoaded(cls.name, key);
      return this.loaded.get(key);
    }
    if (cls.nav?.[key]) return this.child(key).proxy;
    const m = cls.methods?.[key];
    if (m) return (...args: unknown[]) => this.call(key, m, args);
    throw fail('UnknownMember', `${cls.name}.${key} is not part of the Office.js subset this fake implements (misspelled?).`);
  }

  private set(key: string | symbol, value: unknown): void {
    const { cls } = this;
    const p = typeof key === 'string' ? cls.props?.[key] : undefined;
    if (!p) throw fail('UnknownMember', `${cls.name}.${String(key)} is not a property of the fake's Office.js subset.`);
    if (!p.set) throw fail('InvalidArgument', `${cls.name}.${String(key)} is read-only.`);
    if (value === null || value === undefined) throw fail('InvalidArgument', `null is not a valid value for ${cls.name}.${String(key)}.`);
    const copy = structuredClone(value);
    const rt = this.ctx.rt;
    this.ctx.enqueue({
      bytes: size(copy),
      run: () => {
        rt.requireApi(p.api, `${cls.name}.${String(key)}`);
        p.set!(this.live(`${cls.name}.${String(key)}`) as never, copy, rt);
      },
    });
  }

  private call(name: string, m: MethodSpec, args: unknown[]): unknown {
    const rt = this.ctx.rt;
    const where = `${this.cls.name}.${name}`;
    const bytes = size(args.map((a) => (rt.nodeOf(a) ? '<object>' : a)));
    const run = () => {
      rt.requireApi(m.api, where);
      return m.run(
        this.live(where) as never,
        args.map((a) => rt.nodeOf(a)?.live(where) ?? a),
        rt,
      );
    };
    if (m.returns === 'void') {
      this.ctx.enqueue({ bytes, run: () => void run() });
      return undefined;
    }
    if (m.returns === 'result') {
      const res = new ResultState(where);
      this.ctx.enqueue({
        bytes,
        run: (st) => {
          const value = structuredClone(run());
          st.bytes += size(value);
          st.results.push([res, value]);
        },
      });
      return res.proxy;
    }
    const child = new Node(this.ctx, rt.specs[m.returns]!, run);
    this.ctx.enqueue({ bytes, run: () => void child.target() });
    return child.proxy;
  }

  private load(arg: unknown): object {
    const paths = parseLoad(arg);
    for (const p of paths) checkPath(this.ctx.rt, this.cls, p);
    this.ctx.enqueue({ bytes: 0, run: (st) => loadInto(this, paths, st) });
    return this.proxy;
  }
}

/** Run a queued load: read each path's values from the model as they are at this point of the batch. */
function loadInto(node: Node, paths: string[][], st: Staging): void {
  const target = node.target();
  const isNull = target === null || target === undefined;
  st.loadedOnce.push([node, isNull]);
  if (isNull) return;
  const rt = node.ctx.rt;
  const { cls } = node;
  if (cls.items) {
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).map((p) => (p.length === 0 ? ['*'] : p));
    const items = cls.items.list(target, rt).map((t) => {
      const item = new Node(node.ctx, rt.specs[cls.items!.cls]!, () => t);
      loadInto(item, itemPaths, st);
      return item.proxy;
    });
    st.values.push([node, 'items', items]);
    return;
  }
  for (const path of paths) {
    let cur = node;
    for (const seg of path.slice(0, -1)) cur = cur.child(seg);
    const last = path[path.length - 1]!;
    const t = cur.live(`${cur.cls.name}.load`);
    if (cur !== node) st.loadedOnce.push([cur, false]);
    if (cur.cls.nav?.[last]) {
      loadInto(cur.child(last), [['*']], st);
      continue;
    }
    const names = last === '*' ? Object.keys(cur.cls.props ?? {}).filter((k) => rt.supports(cur.cls.props![k]!.api)) : [last];
    for (const name of names) {
      const p = cur.cls.props![name]!;
      rt.requireApi(p.api, `${cur.cls.name}.${name}`);
      const value = structuredClone(p.get(t as never, rt));
      st.bytes += size(value);
      st.values.push([cur, name, value]);
    }
  }
}
