/**
 * A one-line progress bar on stderr (stdout stays for the report). On a
 * terminal it redraws in place; in CI logs it prints a line every tenth of
 * the way, so the log shows progress without thousands of lines.
 */
export class ProgressBar {
  private done = 0;
  private failed = 0;
  private lastDecile = -1;
  private readonly began = performance.now();
  private readonly tty: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {
    this.tty = Boolean(stream.isTTY);
  }

  tick(label: string, ok: boolean): void {
    this.done++;
    if (!ok) this.failed++;
    const share = this.total ? this.done / this.total : 1;
    const filled = Math.round(share * this.width);
    const seconds = ((performance.now() - this.began) / 1000).toFixed(1);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${this.done}/${this.total} trials, ${this.failed} failed, ${seconds}s  ${label}`;
    if (this.tty) {
      this.stream.write(`\r\x1b[2K${line.slice(0, (this.stream.columns ?? 120) - 1)}`);
      if (this.done === this.total) this.stream.write('\n');
      return;
    }
    const decile = Math.floor(share * 10);
    if (decile !== this.lastDecile || this.done === this.total) {
      this.lastDecile = decile;
      this.stream.write(`${line}\n`);
    }
  }
}
