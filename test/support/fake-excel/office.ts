// The fake `Office` namespace: requirement-set checks from the configured ExcelApi version, and document settings.
import type { Runtime } from './runtime.ts';
import { compareVersions, strictObject } from './strict.ts';

/** Office.context.document.settings: `get` reads the pane's copy, `saveAsync` writes it into the document. */
function settings(rt: Runtime) {
  const m = rt.model;
  return strictObject('Office.Settings', {
    get: (name: string): unknown => (name in m.settings ? structuredClone(m.settings[name]) : null),
    set: (name: string, value: unknown): void => {
      m.settings[name] = structuredClone(value);
    },
    remove: (name: string): void => {
      delete m.settings[name];
    },
    saveAsync: (...args: unknown[]): void => {
      const cb = args.find((a): a is (r: unknown) => void => typeof a === 'function');
      m.savedSettings = structuredClone(m.settings);
      const result = strictObject('Office.AsyncResult', { status: 'succeeded', value: undefined, error: null });
      if (cb) queueMicrotask(() => cb(result));
    },
  });
}

/**
 * The Office object the layer sees.
 * @example createOffice(rt).context.requirements.isSetSupported('ExcelApi', '1.13')
 */
export function createOffice(rt: Runtime) {
  return strictObject('Office', {
    context: strictObject('Office.context', {
      requirements: strictObject('Office.context.requirements', {
        isSetSupported: (name: string, version?: string): boolean =>
          name === 'NestedAppAuth'
            ? rt.opts.nestedAppAuth === true && compareVersions('1.1', version ?? '1.1') >= 0
            : name === 'ExcelApi' && compareVersions(rt.opts.excelApi, version ?? '1.1') >= 0,
      }),
      document: strictObject('Office.context.document', { settings: settings(rt) }),
    }),
    AsyncResultStatus: strictObject('Office.AsyncResultStatus', { Succeeded: 'succeeded', Failed: 'failed' }),
  });
}
