// A task's reported status: the vocabulary lives in the model (the reader and the checks read status cells too).
export {
  NEEDS_REASON,
  PROGRESS_STATUS_LABEL,
  PROGRESS_STATUSES,
  ProgressStatusSchema,
  type ProgressStatus,
} from '../model/progress-status.ts';
