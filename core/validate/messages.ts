// An issue's messages (vi, en) from the catalog, built once per distinct code and parameters within one validation.
import { CATALOG } from './catalog.ts';
import type { IssueCode } from './issue.ts';

/** The message in Vietnamese and in English. */
export type Messages = readonly [vi: string, en: string];

type Message = (p: unknown) => string;

/**
 * The messages of a code for these parameters, as the catalog writes them.
 * @example issueMessages('lead-missing', {})[1] // 'No lead agency is named.'
 */
export function issueMessages(code: IssueCode, params: unknown): Messages {
  const msg = CATALOG[code].message as { vi: Message; en: Message };
  return [msg.vi(params), msg.en(params)];
}

// Most issues of a table repeat a few messages (the same deadline written the same way on a thousand rows): building
// each once spares most of their strings, which live as long as the report. Node of a trie per code: a parameter's
// name, then its value, then the next name, …; the messages sit under BUILT once every parameter is passed. Names and
// values both keyed, so two parameter lists never meet unless they are the same names with the same values in the same
// order (values as Map keys: the same except for 0 and -0, which is why -0 is not remembered).
const BUILT = Symbol('messages');
type Node = Map<unknown, Node | Messages>;

interface CodeMemo {
  root: Node | null;
  lookups: number;
  built: number;
}

/** After this many look-ups of a code, it stays remembered only while at most one in MISS_SHARE was new. */
const TRIAL = 64;
const MISS_SHARE = 4;

/**
 * A memo for one validation: messages(code, params) answers issueMessages(code, params), remembering what repeats.
 * A code whose parameters are mostly new each time (a row number) is no longer remembered after a few dozen issues,
 * so a sheet of half a million distinct issues keeps no trie beside them.
 * @example const messages = messageMemo(); messages('lead-missing', {}) === messages('lead-missing', {}) // true
 */
export function messageMemo(): (code: IssueCode, params: unknown) => Messages {
  const byCode = new Map<IssueCode, CodeMemo>();
  return (code, params) => {
    let memo = byCode.get(code);
    if (!memo) byCode.set(code, (memo = { root: new Map(), lookups: 0, built: 0 }));
    let node = memo.root;
    if (!node) return issueMessages(code, params);
    const p = params as Record<string, unknown>;
    for (const name in p) {
      const value = p[name];
      // Only primitives are remembered by value (an object could change between issues).
      if ((typeof value === 'object' && value !== null) || typeof value === 'function' || Object.is(value, -0)) {
        return issueMessages(code, params);
      }
      node = step(step(node, name), value);
    }
    memo.lookups++;
    let out = node.get(BUILT) as Messages | undefined;
    if (!out) {
      out = issueMessages(code, params);
      node.set(BUILT, out);
      memo.built++;
      if (memo.lookups >= TRIAL && memo.built * MISS_SHARE > memo.lookups) memo.root = null;
    }
    return out;
  };
}

function step(node: Node, key: unknown): Node {
  let next = node.get(key) as Node | undefined;
  if (!next) node.set(key, (next = new Map()));
  return next;
}
