// The progress bar of batch commands: drawn in place on a terminal and cleared before a report; nothing at all when
// the output is not a terminal (a file, a pipe, a program reading JSON).
import { describe, expect, it } from 'vitest';
import { progressOnTty } from '../../cli/progress.ts';

/** A stream that records what is written to it. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = {
    isTTY,
    text: '',
    write(chunk: string) {
      s.text += chunk;
      return true;
    },
  };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('progressOnTty', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const s = stream(false);
    const bar = progressOnTty(3, 'Kiểm tra', s);
    for (const f of ['a.xlsx', 'b.xlsx', 'c.xlsx']) {
      bar.tick(f);
      bar.clear();
    }
    bar.done();
    expect(s.text).toBe('');
  });

  it('on a terminal, redraws one line, clears it before a report and ends the line when done', () => {
    const s = stream(true);
    const bar = progressOnTty(2, 'Kiểm tra', s);
    bar.tick('a.xlsx');
    bar.clear();
    bar.tick('b.xlsx');
    bar.done();
    // The terminal's escape character shown as ⎋, so that the patterns below can name it.
    const parts = s.text.replaceAll('\x1b', '⎋').split('\r').filter(Boolean);
    expect(parts[0]).toMatch(/^Kiểm tra \[█{14}░{14}\] 1\/2 · \d+\.\d s a\.xlsx⎋\[K$/);
    expect(parts[1]).toBe('⎋[K');
    expect(parts[2]).toMatch(/^Kiểm tra \[█{28}\] 2\/2 · \d+\.\d s b\.xlsx⎋\[K\n$/);
  });

  it('leaves nothing behind when the bar was cleared last', () => {
    const s = stream(true);
    const bar = progressOnTty(1, 'Kiểm tra', s);
    bar.tick('a.xlsx');
    bar.clear();
    bar.done();
    expect(s.text.endsWith('\r\x1b[K')).toBe(true);
  });
});
