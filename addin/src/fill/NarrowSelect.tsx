// Fluent's Select, kept within the pane's width: a native <select> is otherwise as wide as its longest option.
import { Select, makeStyles, type SelectProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { minWidth: 0, width: '100%' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
});

export function NarrowSelect(props: SelectProps) {
  const styles = useStyles();
  return <Select {...props} className={styles.root} select={{ className: styles.select }} />;
}
