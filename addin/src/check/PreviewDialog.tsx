// The changes a fix will make, listed before anything is written; "Áp dụng" applies them, "Hủy" writes nothing.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { issueTitle, issueWhere } from '../../../core/validate/index.ts';
import { useLang, useStrings } from '../app/strings-context.ts';
import { shortValue, type Change } from '../logic/describe-patch.ts';
import type { Preview } from '../state/pane-state.ts';

const useStyles = makeStyles({
  // Fixed, inset 0, margin auto (Fluent): an explicit width keeps it centred in the narrow pane.
  surface: { width: 'calc(100% - 16px)', padding: tokens.spacingHorizontalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scroll: {
    maxHeight: '52vh',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  group: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  rule: { margin: `${tokens.spacingVerticalXS} 0 2px`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  cell: { whiteSpace: 'nowrap' },
});

export interface PreviewDialogProps {
  preview: Preview;
  busy: boolean;
  onApply: () => void;
  onCancel: () => void;
}

interface Block {
  key: string;
  round: number;
  sheet: string;
  rules: { code: string; changes: Change[] }[];
}

/** Changes grouped by round and sheet (in applying order), then by rule. */
export function blocks(changes: Change[]): Block[] {
  const out: Block[] = [];
  for (const c of changes) {
    const key = `${c.round}|${c.sheet}`;
    let last = out[out.length - 1];
    if (!last || last.key !== key) out.push((last = { key, round: c.round, sheet: c.sheet, rules: [] }));
    let rule = last.rules.find((r) => r.code === c.code);
    if (!rule) last.rules.push((rule = { code: c.code, changes: [] }));
    rule.changes.push(c);
  }
  return out;
}

export function PreviewDialog({ preview, busy, onApply, onCancel }: PreviewDialogProps) {
  const styles = useStyles();
  const s = useStrings();
  const lang = useLang();
  const rounds = preview.rounds.length;
  const title = (code: string) => issueTitle(code, lang);
  const line = (c: Change) => {
    if (c.kind === 'delete-row') return s.previewDelete(c.row);
    if (c.kind === 'merge-rows') return s.previewMerge(c.rows, c.into);
    return (
      <>
        <span className={styles.cell}>{issueWhere({ sheet: c.sheet, cell: c.cell }, lang)}</span>: {shortValue(c.from)} → {shortValue(c.to)}
      </>
    );
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby="preview-intro">
        <DialogBody>
          <DialogTitle>{preview.purpose === 'renumber' ? s.previewTitleRenumber : s.previewTitleFix}</DialogTitle>
          <DialogContent className={styles.content}>
            <p id="preview-intro" data-testid="preview-intro">
              {s.previewIntro(preview.summary)}
            </p>
            <div className={styles.scroll} role="region" aria-label={s.previewListLabel} tabIndex={0} data-testid="preview-list">
              {blocks(preview.changes).map((b) => (
                <div key={b.key}>
                  <p className={styles.group}>{rounds > 1 ? `${s.previewRound(b.round)} · ${b.sheet}` : b.sheet}</p>
                  {b.rules.map((r) => (
                    <div key={r.code}>
                      <p className={styles.rule}>
                        {title(r.code)} ({r.changes.length})
                      </p>
                      <ul className={styles.list}>
                        {r.changes.map((c, i) => (
                          <li key={i}>{line(c)}</li>
                        ))}
                      </ul>
                    </div>
                  ))}
                </div>
              ))}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {s.cancel}
            </Button>
            <Button appearance="primary" onClick={onApply} disabled={busy}>
              {s.apply}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
