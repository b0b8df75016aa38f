// "Kiểm tra và nộp" (/kiem-tra): pick or drop an .xlsx (or a Word .docx), check it in the browser with the core rules,
// see the issues and a marked preview, download a repaired or annotated copy (workbooks only), then submit it to the
// sync server. An .xls or .ods is not
// read here: the page says how to save it as .xlsx, or lets a signed-in official send it for the server to convert.
import '../shell/no-eval.ts';
import { fixAll, fixSummary, type FixAllResult, type FixSummary } from '../../../core/fix/index.ts';
import type { Grid } from '../../../core/model/index.ts';
import { vietnamDay } from '../../../core/progress/index.ts';
import type { FileNote, Report } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { loadSession, type Session } from '../auth/session.ts';
import { baseName, saveBlob } from '../dom/download.ts';
import { button, h, replace, uid } from '../dom/h.ts';
import { en } from '../i18n/en.ts';
import { lang, pick, t } from '../i18n/index.ts';
import { vi } from '../i18n/vi.ts';
import { loadPlans } from '../shell/plan-picker.ts';
import { mountShell } from '../shell/shell.ts';
import { issuesView } from './issues-view.ts';
import { previewCellId, previewView } from './preview-view.ts';
import { submitView } from './submit-view.ts';

interface Loaded {
  file: File;
  bytes: Uint8Array;
  grids: Grid[];
  report: Report;
  /** fixAll's rounds, computed once: the download's label and the copy it makes count the same changes. */
  fix: FixAllResult;
  fixSum: FixSummary;
  ms: number;
  /** A Word document: checked and sent as is; the copies are made of workbooks only. */
  word: boolean;
  /** Word tables that could not be read (a table nested in a cell), each said where: the rest was checked. */
  notes: FileNote[];
}

/** Workbooks the browser cannot read but the server converts (LibreOffice) when it has it. */
const CONVERTIBLE = /\.(xls|ods)$/i;

const state = {
  session: null as Session | null,
  loaded: null as Loaded | null,
  busy: null as string | null,
  readError: null as { message: string; messageEn: string } | null,
  /** An .xls/.ods picked: not checked here, but it may be sent for the server to convert. */
  convertible: null as File | null,
  notesOpen: false,
  sheet: 0,
  copyNote: '',
};

// Sections re-rendered when their data changes; rebuilt whole on a language switch.
const parts = { status: h('p'), results: h('div'), preview: h('div'), submit: h('div') };

function renderMain(main: HTMLElement): void {
  const m = t().check;
  const fileId = uid('file');
  // The native input stays focusable but unseen; its label is the visible button (its text follows the page's language,
  // which the browser's own "Choose File" would not).
  const input = h('input', {
    id: fileId,
    type: 'file',
    accept:
      '.xlsx,.xls,.ods,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    class: 'file-input',
  });
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void checkFile(f);
  });
  const drop = h(
    'div',
    { class: 'dropzone' },
    input,
    h('label', { for: fileId, class: 'file-button' }, m.fileLabel),
    h('span', { class: 'file-name' }, state.loaded?.file.name ?? ''),
    h('p', { class: 'hint' }, m.drop),
  );
  drop.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (ev) => {
    ev.preventDefault();
    drop.classList.remove('dragging');
    const f = ev.dataTransfer?.files[0];
    if (f) void checkFile(f);
  });
  parts.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  parts.results = h('div');
  parts.preview = h('div');
  parts.submit = h('div');
  main.append(
    h('h1', null, m.title),
    h('p', { class: 'lead' }, m.intro),
    section('step-file', m.step1, drop, parts.status),
    section('step-results', m.step2, parts.results),
    section('step-preview', m.step3, parts.preview),
    section('step-submit', m.step4, parts.submit),
  );
  renderStatus();
  renderResults();
  renderPreview();
  renderSubmit();
}

function section(id: string, title: string, ...children: Node[]): HTMLElement {
  return h('section', { class: 'step', id, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title), ...children);
}

async function checkFile(file: File): Promise<void> {
  const m = t().check;
  state.readError = null;
  state.copyNote = '';
  state.convertible = null;
  state.notesOpen = false;
  const word = /\.docx$/i.test(file.name);
  if (!word && !/\.xlsx$/i.test(file.name)) {
    state.loaded = null;
    const ext = /\.[^.]+$/.exec(file.name)?.[0].toLowerCase() ?? '';
    if (CONVERTIBLE.test(file.name)) state.convertible = file;
    // Both languages' words are kept, so a language switch re-renders the reason in the other one.
    state.readError = state.convertible
      ? { message: vi.check.oldFormat(file.name, ext), messageEn: en.check.oldFormat(file.name, ext) }
      : { message: vi.check.notSpreadsheet(file.name), messageEn: en.check.notSpreadsheet(file.name) };
    rerender();
    return;
  }
  // The previous file's results go at once: nothing of it can be downloaded or submitted by mistake meanwhile.
  state.loaded = null;
  state.busy = m.reading(file.name);
  rerender();
  const started = performance.now();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Each reader is fetched the first time a file of its kind is checked, not with the page: the fast workbook reader
    // (fflate's inflate) for a workbook, the .docx reader (fflate, saxes) for a Word plan; never exceljs.
    const { grids, notes } = word
      ? (await import('../docx/read-browser.ts')).readDocxInBrowser(bytes, file.name)
      : { grids: (await import('../xlsx/read-browser.ts')).readGridsInBrowser(bytes), notes: [] };
    // Today in Vietnam, so a completion date typed in the future is caught here as `phuluc check` catches it.
    const { report } = validateGrids(grids, { today: vietnamDay(new Date().toISOString()) ?? undefined }, word ? 'docx' : 'xlsx');
    const fix = fixAll(grids);
    const ms = Math.round(performance.now() - started);
    state.loaded = { file, bytes, grids, report, fix, fixSum: fixSummary(fix), ms, word, notes };
    state.sheet = Math.max(
      0,
      grids.findIndex((g) => report.tables.some((tb) => tb.sheet === g.sheet && tb.range !== null)),
    );
  } catch (err) {
    state.loaded = null;
    const e = err as { message?: string; messageEn?: string };
    state.readError = { message: e.message ?? String(err), messageEn: e.messageEn ?? e.message ?? String(err) };
  }
  state.busy = null;
  rerender();
}

function rerender(): void {
  renderStatus();
  renderResults();
  renderPreview();
  renderSubmit();
}

function renderStatus(): void {
  const m = t().check;
  const name = document.querySelector('.dropzone .file-name');
  if (name) name.textContent = state.loaded?.file.name ?? '';
  parts.status.className = `status${state.readError ? ' error' : ''}`;
  if (state.busy) replace(parts.status, state.busy);
  else if (state.readError)
    replace(
      parts.status,
      h('strong', null, `${m.cannotRead}: `),
      pick(state.readError),
      state.convertible ? h('span', { class: 'convert-hint' }, ` ${m.oldFormatServer}`) : null,
    );
  else if (state.loaded) replace(parts.status, m.checked(state.loaded.file.name, state.loaded.ms));
  else replace(parts.status, m.noFile);
}

function renderResults(): void {
  const l = state.loaded;
  if (!l) {
    parts.results.replaceChildren();
    return;
  }
  const m = t().check;
  const note = h('p', { class: 'copy-note', role: 'status', 'aria-live': 'polite' }, state.copyNote);
  const make = (id: string, label: string, hint: string, run: () => Promise<void>, enabled = true) => {
    const b = button(
      label,
      () => {
        b.disabled = true;
        note.textContent = m.preparing;
        run()
          .catch((err: unknown) => {
            state.copyNote = m.copyRefused(err instanceof Error ? err.message : String(err));
          })
          .finally(() => {
            b.disabled = false;
            note.textContent = state.copyNote;
          });
      },
      { class: 'secondary download', disabled: !enabled, 'aria-describedby': `${id}-hint` },
    );
    return h('div', { class: 'download-item' }, b, h('small', { id: `${id}-hint` }, hint));
  };
  const copies = () => import('./copies.ts');
  const sum = l.fixSum;
  replace(
    parts.results,
    // What could not be read comes first: the issues below are only those of the tables that could.
    l.notes.length > 0 ? h('div', { class: 'unread', role: 'alert' }, ...l.notes.map((n) => h('p', null, pick(n)))) : null,
    issuesView(l.report, {
      notesOpen: state.notesOpen,
      onNotes: (open) => (state.notesOpen = open),
      onJump: jumpTo,
      unread: l.notes.length > 0,
    }),
    l.word
      ? h('p', { class: 'word-copies' }, m.wordCopies)
      : h(
          'div',
          { class: 'downloads', role: 'group', 'aria-label': m.downloads },
          make(
            'fixed',
            m.downloadFixed,
            sum.changes === 0 ? m.fixNothing : m.fixWill(sum.changes, sum.errors, sum.warnings, sum.infos),
            async () => {
              const r = await (await copies()).repairedCopy(l.bytes, l.fix);
              saveBlob(r.blob, `${baseName(l.file.name)}.da-sua.xlsx`);
              state.copyNote = m.fixedDone(sum.changes, r.left);
            },
            sum.changes > 0,
          ),
          make('annotated', m.downloadAnnotated, m.downloadAnnotatedHint, async () => {
            const blob = await (await copies()).annotatedCopy(l.bytes, l.report, lang());
            saveBlob(blob, `${baseName(l.file.name)}.kiem-tra.xlsx`);
            state.copyNote = m.annotatedDone;
          }),
        ),
    note,
  );
}

function renderPreview(): void {
  const l = state.loaded;
  if (!l) {
    parts.preview.replaceChildren();
    return;
  }
  replace(
    parts.preview,
    previewView(l.grids, l.report, state.sheet, (i) => {
      state.sheet = i;
      renderPreview();
      parts.preview.querySelector<HTMLButtonElement>(`.sheet-tabs button[data-sheet-index="${i}"]`)?.focus();
    }),
  );
}

function jumpTo(sheet: string, ref: string): void {
  const l = state.loaded;
  if (!l) return;
  const index = l.grids.findIndex((g) => g.sheet === sheet);
  if (index < 0) return;
  if (index !== state.sheet) {
    state.sheet = index;
    renderPreview();
  }
  const row = /\d+$/.exec(ref)?.[0] ?? '';
  const target = document.getElementById(previewCellId(index, ref)) ?? document.getElementById(previewCellId(index, `A${row}:row`));
  if (!target) return;
  target.scrollIntoView({ block: 'center', inline: 'nearest' });
  target.focus({ preventScroll: true });
  target.classList.add('flash');
  setTimeout(() => target.classList.remove('flash'), 2000);
}

function renderSubmit(): void {
  if (!state.session) {
    replace(parts.submit, h('p', null, t().common.loading));
    return;
  }
  replace(
    parts.submit,
    submitView({
      session: state.session,
      file: state.loaded?.file ?? state.convertible,
      errors: state.loaded ? state.loaded.report.stats.errors : null,
      onSession: () => void refreshSession(),
      onFixFirst: () => {
        const heading = document.getElementById('step-results-h');
        heading?.scrollIntoView({ block: 'start' });
        heading?.setAttribute('tabindex', '-1');
        heading?.focus({ preventScroll: true });
      },
    }),
  );
}

async function refreshSession(): Promise<void> {
  state.session = await loadSession();
  // The plan picker needs the registered plans: fetched once signed in (the list is not public).
  if (state.session.me) {
    renderSubmit();
    await loadPlans();
  }
  renderSubmit();
}

mountShell('check', renderMain);
void refreshSession();
