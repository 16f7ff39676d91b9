import type { BulkProgress } from '../store/index.js';

/** What the progress display writes to: a terminal (one line rewritten in place) or a log/pipe. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

const number = (n: number) => n.toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * Progress of a seeding run: rows, rows/s and time left. On a terminal one line is redrawn at most
 * every 200 ms; elsewhere (a pipe, a CI log) a plain line is written at each tenth of the total, so
 * logs stay short.
 */
export class SeedProgress {
  private readonly started = performance.now();
  private lastDrawn = 0;
  private nextTenth = 1;

  constructor(
    private readonly total: number,
    private readonly out: ProgressOutput,
    private readonly now: () => number = () => performance.now(),
  ) {}

  update = ({ rows, phase }: BulkProgress): void => {
    const elapsed = (this.now() - this.started) / 1000;
    if (phase === 'indexing') {
      this.line(`${number(rows)} rows loaded in ${duration(elapsed)}; building the search index…`, true);
      return;
    }
    const rate = elapsed > 0 ? rows / elapsed : 0;
    const text = `${number(rows)} / ${number(this.total)} rows · ${number(Math.round(rate))} rows/s · ${duration(
      rate > 0 ? (this.total - rows) / rate : Infinity,
    )} left`;
    if (this.out.isTTY) {
      const t = this.now();
      if (t - this.lastDrawn < 200 && rows < this.total) return;
      this.lastDrawn = t;
      this.out.write(`\r\x1b[2K${text}`);
    } else if (rows >= (this.total * this.nextTenth) / 10) {
      while (rows >= (this.total * this.nextTenth) / 10) this.nextTenth++;
      this.out.write(`${text}\n`);
    }
  };

  /** Ends the in-place line (on a terminal) before the final summary. */
  done(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  private line(text: string, important: boolean): void {
    if (this.out.isTTY) this.out.write(`\r\x1b[2K${text}`);
    else if (important) this.out.write(`${text}\n`);
  }
}
