// Views fetched the first time they are shown, not with the pane (which opens on Kiểm tra): a check's results, the "Điền"
// tab (templates, dropdowns, suggestions, Word import), the preview of a fix, and — with their actions — "Đồng bộ" (sign-in,
// communes, history, conflicts) and "Tiến độ" (periods, task progress).
import { lazy } from 'react';
import type { Services } from './boot/lazy-services.ts';
import type { ProgressPanelProps } from './progress/ProgressPanel.tsx';
import type { SyncPanelProps } from './sync/SyncPanel.tsx';

export const FillPanel = lazy(async () => ({ default: (await import('./fill/FillPanel.tsx')).FillPanel }));
export const CheckResults = lazy(async () => ({ default: (await import('./check/CheckResults.tsx')).CheckResults }));
export const PreviewDialog = lazy(async () => ({ default: (await import('./check/PreviewDialog.tsx')).PreviewDialog }));

/**
 * The two views as lazy components over the services' loader (render them under a Suspense).
 * @example const { SyncView, ProgressView } = lazyViews(services)
 */
export function lazyViews(services: () => Promise<Services>) {
  const SyncView = lazy(async () => {
    const [{ SyncPanel }, { sync }] = await Promise.all([import('./sync/SyncPanel.tsx'), services()]);
    return { default: (props: Omit<SyncPanelProps, 'sync'>) => <SyncPanel {...props} sync={sync} /> };
  });
  const ProgressView = lazy(async () => {
    const [{ ProgressPanel }, { progress }] = await Promise.all([import('./progress/ProgressPanel.tsx'), services()]);
    return { default: (props: Omit<ProgressPanelProps, 'progress'>) => <ProgressPanel {...props} progress={progress} /> };
  });
  return { SyncView, ProgressView };
}
