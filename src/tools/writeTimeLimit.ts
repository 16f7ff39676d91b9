import { withinTime } from './toolTimeout.js';

/**
 * Where a write stands for its time limit. Before its point of no return (the ledger row and the
 * write) the limit can still stop it; past that point its transaction commits or rolls back on its
 * own, and the limit can only stop waiting for it. One thread: asking and stopping never interleave.
 */
export class WriteProgress {
  private state: 'pending' | 'writing' | 'stopped' = 'pending';

  /** Asked by the write right before its point of no return: false once the limit has stopped it. */
  proceed(): boolean {
    if (this.state === 'stopped') return false;
    this.state = 'writing';
    return true;
  }

  /** Asked by the limit: true when the write had not reached its point of no return, and now never will. */
  stop(): boolean {
    if (this.state === 'writing') return false;
    this.state = 'stopped';
    return true;
  }
}

/** What the model is told when a write has not answered in time. */
export interface LateWriteAnswers<T> {
  /** It was stopped before it changed anything. */
  stopped(): T;
  /** It is past its point of no return and still has not answered: it may yet commit. */
  unknown(): T;
}

const LATE = Symbol('late');

/**
 * A write's time limit. By `limitMs` the write has answered, or is stopped if it has not reached its
 * point of no return (then "nothing changed" is true). A write already writing is waited on for up to
 * `graceMs` more, so the seller hears its true outcome; after that its outcome is answered as unknown,
 * never as failed: a "try again" would write twice under a new call id. Answers within limit + grace.
 */
export async function writeWithinTime<T>(
  limitMs: number,
  graceMs: number,
  work: (progress: WriteProgress) => Promise<T>,
  answers: LateWriteAnswers<T>,
): Promise<T> {
  const progress = new WriteProgress();
  const writing = work(progress);
  const answer = await withinTime<T | typeof LATE>(limitMs, writing, () => LATE);
  if (answer !== LATE) return answer;
  if (progress.stop()) return answers.stopped();
  return withinTime(graceMs, writing, () => answers.unknown());
}
