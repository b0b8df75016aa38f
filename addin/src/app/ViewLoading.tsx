// What a tab shows while its code is fetched (a view loaded on first use): a spinner and the words, announced politely.
import { Spinner } from '@fluentui/react-components';
import { useStrings } from './strings-context.ts';

/** @example <Suspense fallback={<ViewLoading />}><SyncPanel … /></Suspense> */
export function ViewLoading() {
  const s = useStrings();
  return <Spinner size="small" label={s.loadingView} labelPosition="after" role="status" aria-live="polite" data-testid="view-loading" />;
}
