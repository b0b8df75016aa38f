// The patch shapes live in core/model/patch.ts (validate/ needs them, and fix/ runs validate/); this re-export keeps
// the fix/ path for the adapters that apply patches.
export * from '../model/patch.ts';
