// Pane header: name, subtitle, a busy spinner, and the vi/en switch (a button labelled in the other language).
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { stringsFor, type Lang } from '../i18n/index.ts';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  subtitle: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function Header({ lang, onLang, busy }: { lang: Lang; onLang: (l: Lang) => void; busy: boolean }) {
  const styles = useStyles();
  const s = stringsFor(lang);
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        <span className={styles.subtitle}>{s.appSubtitle}</span>
      </div>
      {busy && <Spinner size="tiny" aria-label={s.busy} />}
      <Button
        size="small"
        appearance="secondary"
        aria-label={s.switchLanguageLabel}
        lang={lang === 'vi' ? 'en' : 'vi'}
        onClick={() => onLang(lang === 'vi' ? 'en' : 'vi')}
      >
        {s.switchLanguage}
      </Button>
    </header>
  );
}
