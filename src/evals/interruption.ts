/**
 * A stopped eval run cleans up after itself: the first SIGINT or SIGTERM asks the run to stop (no new trial
 * starts, trials in flight end at their next request), and the run then drops every database it made; a second
 * signal exits at once and names what is left. Exit codes follow the shell's 128 + signal number.
 */

/** Thrown by a run that stopped on a signal, once its databases are dropped: what it dropped, by name. */
export class EvalRunInterrupted extends Error {
  override name = 'EvalRunInterrupted';

  constructor(readonly dropped: string[]) {
    super(`eval run interrupted; dropped ${dropped.length} database(s)`);
  }
}

/** Thrown inside a trial that the run's signal stopped between two requests. */
export class TrialInterrupted extends Error {
  override name = 'TrialInterrupted';
}

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

/**
 * One Ctrl-C under `npm run` reaches the process two or three times within milliseconds (the terminal's, then
 * npm's and tsx's relays): a signal this soon after the first is that same keypress, not a second one.
 */
const SAME_KEYPRESS_MS = 1000;

export interface InterruptionIo {
  error: (line: string) => void;
  exit: (code: number) => void;
}

/** Watches SIGINT and SIGTERM for one command; `release` puts the default behaviour back. */
export class Interruption {
  private readonly controller = new AbortController();
  private received: NodeJS.Signals | undefined;
  private receivedAt = 0;
  /** What a forced exit names as left behind; the run sets it once it knows where its databases are. */
  private leftBehind: () => string[] = () => [];
  private readonly handler = (signal: NodeJS.Signals) => this.receive(signal);

  constructor(
    private readonly io: InterruptionIo = { error: console.error, exit: (code) => process.exit(code) },
    private readonly now: () => number = () => performance.now(),
  ) {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** 130 after SIGINT, 143 after SIGTERM; undefined while no signal came. */
  get exitCode(): number | undefined {
    return this.received && (EXIT_CODES[this.received] ?? 1);
  }

  /** Names (never URLs) of what the run made and has not removed yet, for a forced exit. */
  watch(leftBehind: () => string[]): void {
    this.leftBehind = leftBehind;
  }

  release(): void {
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
  }

  private receive(signal: NodeJS.Signals): void {
    if (!this.received) {
      this.received = signal;
      this.receivedAt = this.now();
      this.io.error(
        `\n${signal}: stopping — nothing new starts, work in flight ends at its next step, then this run's ` +
          'databases are dropped. Press Ctrl-C again to exit at once (its databases stay).',
      );
      this.controller.abort();
      return;
    }
    if (this.now() - this.receivedAt < SAME_KEYPRESS_MS) return;
    const left = this.leftBehind();
    this.io.error(
      left.length
        ? `${signal} again: exiting at once. Left behind (drop them by hand):\n${left.map((n) => `  ${n}`).join('\n')}`
        : `${signal} again: exiting at once; nothing of this run's is left behind.`,
    );
    this.io.exit(EXIT_CODES[signal] ?? 1);
  }
}

/** What a run needs to be stoppable: the signal, and where to say its databases are. */
export interface StopOptions {
  signal: AbortSignal;
  onDatabases: (databases: { describe(): string; remaining(): string[] }) => void;
}

/**
 * Runs `work` (an eval run) with SIGINT and SIGTERM watched; says where its databases are once it knows. Answers
 * its result, or, when a signal stopped it, the exit code after saying what it dropped.
 */
export async function runStoppable<T>(
  work: (stop: StopOptions) => Promise<T>,
  error: (line: string) => void = console.error,
): Promise<{ done: T } | { exitCode: number }> {
  const interruption = new Interruption({ error, exit: (code) => process.exit(code) });
  try {
    const done = await work({
      signal: interruption.signal,
      onDatabases: (databases) => {
        error(`trial databases: ${databases.describe()}`);
        interruption.watch(() => databases.remaining());
      },
    });
    return { done };
  } catch (failure) {
    if (!(failure instanceof EvalRunInterrupted)) throw failure;
    const { dropped } = failure;
    error(
      dropped.length
        ? `stopped; dropped ${dropped.length} database(s) of this run:\n${dropped.map((n) => `  ${n}`).join('\n')}`
        : 'stopped; this run had no database left to drop',
    );
    return { exitCode: interruption.exitCode ?? 1 };
  } finally {
    interruption.release();
  }
}
