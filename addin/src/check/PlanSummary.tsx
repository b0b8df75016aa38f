// The plan's reference (số kế hoạch, ngày, xã), the verdict, and the tables found with their row counts.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { Plan } from '../../../core/model/index.ts';
import type { Report } from '../../../core/validate/index.ts';
import { useStrings } from '../app/strings-context.ts';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  dl: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, overflowWrap: 'anywhere' },
  tables: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/** "ngày 07 tháng 7 năm 2025" shown without its leading "ngày" (the label says it); a blank date stays as written. */
function dateOf(text: string | undefined, iso: string | undefined): string | undefined {
  return text?.replace(/^ngày\s*/iu, '') || iso;
}

export function PlanSummary({ report, plan }: { report: Report; plan: Plan | null }) {
  const styles = useStyles();
  const s = useStrings();
  const ref = plan?.reference ?? {};
  const unknown = <i>{s.planUnknown}</i>;
  const tables = report.tables.filter((t) => t.range !== null);
  const count = (sheet: string, range: string | null) =>
    plan?.appendices.find((a) => a.sheet === sheet && a.range === range)?.rows.filter((r) => r.kind === 'task' || r.kind === 'indicator')
      .length ?? 0;
  return (
    <section className={styles.box} aria-labelledby="plan-heading" data-testid="plan-summary">
      <h2 className={styles.heading} id="plan-heading">
        {s.planTitle}
        <Badge appearance="filled" color={report.valid ? 'success' : 'danger'}>
          {report.valid ? s.valid : s.invalid(report.stats.errors)}
        </Badge>
      </h2>
      <dl className={styles.dl}>
        <dt className={styles.dt}>{s.planNumber}</dt>
        <dd className={styles.dd}>{ref.documentNumber ?? unknown}</dd>
        <dt className={styles.dt}>{s.planDate}</dt>
        <dd className={styles.dd}>{dateOf(ref.dateText, ref.date) ?? unknown}</dd>
        <dt className={styles.dt}>{s.planCommune}</dt>
        <dd className={styles.dd}>{ref.commune ?? ref.issuer ?? unknown}</dd>
      </dl>
      <h3 className={styles.heading}>{s.tablesTitle}</h3>
      {tables.length === 0 ? (
        <p className={styles.dd}>{s.noTables}</p>
      ) : (
        <ul className={styles.tables}>
          {tables.map((t) => (
            <li key={`${t.sheet}!${t.range}`}>
              {t.sheet} · {t.range} · {s.tableItems(count(t.sheet, t.range), t.kind === 'indicators' ? s.kindIndicators : s.kindTasks)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
