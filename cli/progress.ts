// A progress bar on stderr for long batch commands: redrawn in place on a terminal, a few plain lines otherwise.

export interface Progress {
  tick(label?: string): void;
  /** Take the bar off its line, so that a report written to the same terminal starts clean; the next tick redraws it. */
  clear(): void;
  done(): void;
}

const NONE: Progress = { tick() {}, clear() {}, done() {} };

/**
 * A bar only where someone watches it: a terminal on `stream`; nothing when the output goes to a file or a program
 * (a log of bars is noise, and stdout's JSON is never touched).
 * @example const p = progressOnTty(files.length, 'Kiểm tra')
 */
export function progressOnTty(total: number, title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY === true ? progress(total, title, stream) : NONE;
}

/**
 * @example const p = progress(3321, 'Đọc'); for (…) p.tick(file); p.done()
 */
export function progress(total: number, title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let n = 0;
  const t0 = Date.now();
  let lastDraw = 0;
  /** The bar is on the screen (drawn and not cleared since). */
  let shown = false;
  const tty = stream.isTTY === true;
  const draw = (label = '') => {
    const now = Date.now();
    if (tty && now - lastDraw < 80 && n < total) return;
    if (!tty && n !== total && n % Math.max(1, Math.ceil(total / 10)) !== 0) return;
    lastDraw = now;
    const width = 28;
    const filled = total === 0 ? width : Math.round((n / total) * width);
    const secs = (now - t0) / 1000;
    const line = `${title} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${n}/${total} · ${secs.toFixed(1)} s ${label.slice(-40)}`;
    stream.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    shown = tty;
  };
  return {
    tick(label) {
      n++;
      draw(label);
    },
    clear() {
      if (tty) {
        stream.write('\r\x1b[K');
        lastDraw = 0;
        shown = false;
      }
    },
    done() {
      // A bar left on the screen ends its line; a cleared one leaves nothing behind.
      if (shown) stream.write('\n');
    },
  };
}
