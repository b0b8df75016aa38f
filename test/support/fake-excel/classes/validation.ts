// Excel.DataValidation in the fake: one rule per area; an inline list longer than Excel's 255 characters is refused.
import { intersect } from '../addr.ts';
import { fail } from '../errors.ts';
import type { Validation } from '../model.ts';
import type { ClassSpec, PropSpec } from '../runtime.ts';
import { alive, type RangeTarget } from './cells.ts';

type T = RangeTarget;

/** Excel's limit for a list typed into the rule (a comma-separated source, not a reference). */
export const INLINE_LIST_LIMIT = 255;

function entry(t: T, create: boolean): Validation | undefined {
  const sheet = alive(t.sheet, 'DataValidation');
  const same = sheet.validations.find(
    (v) => v.rect.top === t.rect.top && v.rect.left === t.rect.left && v.rect.bottom === t.rect.bottom && v.rect.right === t.rect.right,
  );
  if (same || !create) return same;
  clear(t);
  const v: Validation = { rect: { ...t.rect }, rule: null };
  sheet.validations.push(v);
  return v;
}

function clear(t: T): void {
  t.sheet.validations = t.sheet.validations.filter((v) => intersect(v.rect, t.rect) === null);
}

function field(key: 'errorAlert' | 'prompt' | 'ignoreBlanks'): PropSpec {
  return {
    get: (t: T) => entry(t, false)?.[key] ?? null,
    set: (t: T, v) => {
      entry(t, true)![key] = v;
    },
  };
}

export const DataValidation: ClassSpec = {
  name: 'DataValidation',
  props: {
    rule: {
      get: (t: T) => entry(t, false)?.rule ?? null,
      set: (t: T, rule) => {
        const list = (rule as { list?: { source?: unknown } }).list;
        if (list && typeof list.source === 'string' && !list.source.startsWith('=') && list.source.length > INLINE_LIST_LIMIT) {
          throw fail(
            'InvalidArgument',
            `A list source typed into the rule is limited to ${INLINE_LIST_LIMIT} characters (got ${list.source.length}); reference a range instead.`,
            'DataValidation.rule',
          );
        }
        entry(t, true)!.rule = rule;
      },
    },
    errorAlert: field('errorAlert'),
    prompt: field('prompt'),
    ignoreBlanks: field('ignoreBlanks'),
  },
  methods: {
    clear: { returns: 'void', run: (t: T) => clear(t) },
  },
};
