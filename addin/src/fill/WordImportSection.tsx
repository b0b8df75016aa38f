// "Nhập từ tệp Word": choose a .docx, see the appendices found, write each into a new sheet laid out as the template.
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type ChangeEvent } from 'react';
import { useLang, useStrings } from '../app/strings-context.ts';
import type { AppendixSheet } from '../logic/appendix-sheets.ts';
import type { WordPlanRead } from '../logic/word-plan.ts';
import { Section } from './Section.tsx';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, maxHeight: '14em', overflowY: 'auto' },
  first: { margin: 0, paddingLeft: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  // The browser's own file control speaks the browser's language: hidden, a Vietnamese button opens it.
  file: { display: 'none' },
});

export function WordImportSection({ disabled, onWrite }: { disabled: boolean; onWrite: (sheets: AppendixSheet[]) => Promise<void> }) {
  const styles = useStyles();
  const s = useStrings();
  const lang = useLang();
  const [read, setRead] = useState<WordPlanRead | null>(null);
  const [reading, setReading] = useState(false);
  const [fileName, setFileName] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setReading(true);
    setFileName(file.name);
    setRead(null);
    try {
      // Loaded on first use: the Word reader stays out of the pane's first load.
      const { readWordPlan } = await import('../logic/word-plan.ts');
      setRead(readWordPlan(new Uint8Array(await file.arrayBuffer()), file.name));
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      setRead({ ok: false, message: { vi: msg, en: msg } });
    } finally {
      setReading(false);
      e.target.value = '';
    }
  };
  const write = async (sheets: AppendixSheet[]) => {
    await onWrite(sheets);
    setRead(null);
    setFileName('');
  };

  return (
    <Section title={s.wordTitle} intro={s.wordIntro} testId="word-section">
      <input
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label={s.wordChoose}
        className={styles.file}
        onChange={(e) => void choose(e)}
        disabled={disabled || reading}
        ref={input}
      />
      <div>
        <Button onClick={() => input.current?.click()} disabled={disabled || reading}>
          {s.wordChoose}
        </Button>
      </div>
      {fileName && (
        <p className={styles.first} data-user-content>
          {fileName}
        </p>
      )}
      {reading && <p className={styles.first}>{s.wordReading}</p>}
      {read && !read.ok && (
        <MessageBar intent="error">
          <MessageBarBody>
            {read.message === 'no-appendix' ? s.wordNoAppendix : lang === 'vi' ? read.message.vi : read.message.en}
          </MessageBarBody>
        </MessageBar>
      )}
      {read?.ok && (
        <>
          <p className={styles.first}>{s.wordFound(read.previews.length)}</p>
          <ul className={styles.list} data-testid="word-preview">
            {read.previews.map((p, i) => (
              <li key={i}>
                {p.title ? <strong data-user-content>{p.title}</strong> : <strong>{s.wordUntitled}</strong>}
                {` · ${s.tableItems(p.items, p.kind === 'tasks' ? s.kindTasks : s.kindIndicators)}`}
                {p.first.map((f, j) => (
                  <p key={j} className={styles.first} data-user-content>{`${f.tt} ${f.content}`}</p>
                ))}
              </li>
            ))}
          </ul>
          {read.refused.length > 0 && (
            <MessageBar intent="warning" data-testid="word-refused">
              <MessageBarBody>
                {s.wordRefused(read.refused.length)}
                {read.refused.map((r, i) => (
                  <p key={i} className={styles.first}>
                    {lang === 'vi' ? r.vi : r.en}
                  </p>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          <div>
            <Button appearance="primary" onClick={() => void write(read.sheets)} disabled={disabled}>
              {s.wordWrite}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}
