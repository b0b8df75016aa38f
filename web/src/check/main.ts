// "Kiểm tra và nộp" (/kiem-tra): pick or drop an .xlsx, check it in the browser with the core rules, see the issues and
// a marked preview, download a repaired or annotated copy, then submit it to the sync server.
import '../shell/no-eval.ts';
import type { Grid } from '../../../core/model/index.ts';
import type { Severity } from '../../../core/validate/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import { loadSession, type Session } from '../auth/session.ts';
import { baseName, saveBlob } from '../dom/download.ts';
import { button, h, replace, uid } from '../dom/h.ts';
import { lang, pick, t } from '../i18n/index.ts';
import { mountShell } from '../shell/shell.ts';
import { issuesView } from './issues-view.ts';
import { previewCellId, previewView } from './preview-view.ts';
import { submitView } from './submit-view.ts';

interface Loaded {
  file: File;
  bytes: Uint8Array;
  grids: Grid[];
  report: Report;
  ms: number;
}

const state = {
  session: null as Session | null,
  loaded: null as Loaded | null,
  busy: null as string | null,
  readError: null as { message: string; messageEn: string } | null,
  shown: new Set<Severity>(['error', 'warning', 'info']),
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
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
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
  if (!/\.xlsx$/i.test(file.name)) {
    state.loaded = null;
    state.readError = { message: t().check.notXlsx, messageEn: t().check.notXlsx };
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
    // exceljs is large: fetched the first time a file is checked, not with the page.
    const { readGridsInBrowser } = await import('../xlsx/read-browser.ts');
    const grids = await readGridsInBrowser(bytes);
    const { report } = validateGrids(grids);
    state.loaded = { file, bytes, grids, report, ms: Math.round(performance.now() - started) };
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
  else if (state.readError) replace(parts.status, h('strong', null, `${m.cannotRead}: `), pick(state.readError));
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
  const make = (label: string, hint: string, run: () => Promise<void>) => {
    const b = button(
      label,
      () => {
        b.disabled = true;
        note.textContent = m.preparing;
        run()
          .catch((err: unknown) => {
            state.copyNote = `${t().common.unknownError} (${err instanceof Error ? err.message : String(err)})`;
          })
          .finally(() => {
            b.disabled = false;
            note.textContent = state.copyNote;
          });
      },
      { class: 'secondary download' },
    );
    return h('div', { class: 'download-item' }, b, h('small', null, hint));
  };
  const copies = () => import('./copies.ts');
  replace(
    parts.results,
    issuesView(l.report, {
      shown: state.shown,
      onFilter: (sev, on) => {
        if (on) state.shown.add(sev);
        else state.shown.delete(sev);
        renderResults();
        document.getElementById(`show-filter-${sev}`)?.focus();
      },
      onJump: jumpTo,
    }),
    h(
      'div',
      { class: 'downloads', role: 'group', 'aria-label': m.downloads },
      make(m.downloadFixed, m.downloadFixedHint, async () => {
        const r = await (await copies()).repairedCopy(l.bytes, l.grids);
        saveBlob(r.blob, `${baseName(l.file.name)}.da-sua.xlsx`);
        state.copyNote = r.rounds === 0 ? m.nothingToFix : m.fixedDone(r.places, r.rounds, r.left);
      }),
      make(m.downloadAnnotated, m.downloadAnnotatedHint, async () => {
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
      file: state.loaded?.file ?? null,
      ready: state.loaded !== null,
      onSession: () => void refreshSession(),
    }),
  );
}

async function refreshSession(): Promise<void> {
  state.session = await loadSession();
  renderSubmit();
}

mountShell('check', renderMain);
void refreshSession();
