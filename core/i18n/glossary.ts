// The one vocabulary: every word the CLI, the pages and the pane show an official for a concept of the product, in
// Vietnamese (plain words an official uses) and English. Surfaces build their sentences from these terms, so the same
// thing is never called two names ("thông tin" vs "lưu ý", "Bên kia" vs "Trên máy chủ", "token" vs "mã truy cập").
export type Lang = 'vi' | 'en';

export interface Term {
  vi: string;
  en: string;
}

/** Terms by concept. Lower-case Vietnamese unless the term is a label (capitalised, used alone on a button or heading). */
export const GLOSSARY = {
  // What a plan is made of
  plan: { vi: 'kế hoạch', en: 'plan' },
  planKey: { vi: 'Mã kế hoạch', en: 'Plan code' },
  planName: { vi: 'Tên kế hoạch', en: 'Plan name' },
  appendix: { vi: 'phụ lục', en: 'appendix' },
  task: { vi: 'nhiệm vụ', en: 'task' },
  indicator: { vi: 'chỉ tiêu', en: 'indicator' },
  group: { vi: 'nhóm nhiệm vụ', en: 'task group' },
  lead: { vi: 'cơ quan chủ trì', en: 'lead agency' },
  partners: { vi: 'cơ quan phối hợp', en: 'partner agencies' },
  deadline: { vi: 'thời gian hoàn thành', en: 'deadline' },
  dueDate: { vi: 'Hạn nộp', en: 'Submission due' },
  // Places
  commune: { vi: 'xã/phường', en: 'commune' },
  province: { vi: 'tỉnh/thành phố', en: 'province' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  cell: { vi: 'Ô', en: 'Cell' },
  // What a check finds
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  note: { vi: 'Lưu ý', en: 'Note' },
  safeFix: { vi: 'sửa an toàn', en: 'safe fix' },
  suggestion: { vi: 'gợi ý sửa', en: 'suggested fix' },
  checkResult: { vi: 'Kết quả kiểm tra', en: 'Check result' },
  annotatedCopy: { vi: 'Bản có đánh dấu', en: 'Annotated copy' },
  fixedCopy: { vi: 'Bản đã sửa', en: 'Fixed copy' },
  // Sending to the province
  submit: { vi: 'Gửi', en: 'Submit' },
  submission: { vi: 'lần gửi', en: 'submission' },
  draft: { vi: 'bản nháp', en: 'draft' },
  submittedBy: { vi: 'Người gửi', en: 'Submitted by' },
  submittedAt: { vi: 'Thời điểm gửi', en: 'Submitted at' },
  noChanges: { vi: 'Không có thay đổi', en: 'No changes' },
  notSubmitted: { vi: 'Chưa nộp', en: 'Not submitted' },
  onServer: { vi: 'Trên máy chủ', en: 'On the server' },
  onThisComputer: { vi: 'Trong bảng tính này', en: 'In this workbook' },
  consolidated: { vi: 'Tổng hợp', en: 'Consolidated' },
  statistics: { vi: 'Thống kê', en: 'Statistics' },
  // Progress through the year (issue 17)
  progress: { vi: 'Tiến độ', en: 'Progress' },
  reportingPeriod: { vi: 'kỳ báo cáo', en: 'reporting period' },
  asOf: { vi: 'tính đến ngày', en: 'as of' },
  completedOn: { vi: 'Ngày hoàn thành', en: 'Completed on' },
  achieved: { vi: 'Kết quả đạt được', en: 'Result achieved' },
  evidence: { vi: 'tài liệu kiểm chứng', en: 'evidence' },
  reason: { vi: 'lý do', en: 'reason' },
  highlights: { vi: 'kết quả nổi bật', en: 'highlights' },
  obstacles: { vi: 'khó khăn, vướng mắc', en: 'obstacles' },
  proposals: { vi: 'đề xuất, kiến nghị', en: 'proposals' },
  reportedBy: { vi: 'Người báo cáo', en: 'Reported by' },
  reportedAt: { vi: 'Thời điểm báo cáo', en: 'Reported at' },
  actualValue: { vi: 'giá trị thực hiện', en: 'actual value' },
  // Where a commune's report of a period stands (the pane, the dashboard and the summary workbook say the same)
  reportNotReported: { vi: 'Chưa báo cáo', en: 'Not reported' },
  reportSubmitted: { vi: 'Đã gửi', en: 'Sent' },
  reportAccepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  reportReturned: { vi: 'Bị trả lại', en: 'Returned' },
  nothingToReport: { vi: 'Không phát sinh', en: 'Nothing to report' },
  // Signing in
  accessCode: { vi: 'mã truy cập', en: 'access code' },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  // The product
  product: { vi: 'phuluc', en: 'phuluc' },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof GLOSSARY;

/**
 * A term in one language.
 * @example term('onServer', 'vi') // 'Trên máy chủ'
 */
export function term(key: TermKey, lang: Lang): string {
  return GLOSSARY[key][lang];
}

/** The same term with its first letter upper-cased (a label that starts a line). */
export function Term(key: TermKey, lang: Lang): string {
  const t = GLOSSARY[key][lang];
  return t.charAt(0).toUpperCase() + t.slice(1);
}
