// The showing language's strings, for any component below the App (switching language re-renders them).
import { createContext, useContext } from 'react';
import { stringsFor, type Lang, type Strings } from '../i18n/index.ts';

export const LangContext = createContext<Lang>('vi');

/** @example const s = useStrings(); <Button>{s.runCheck}</Button> */
export function useStrings(): Strings {
  return stringsFor(useContext(LangContext));
}

export function useLang(): Lang {
  return useContext(LangContext);
}
