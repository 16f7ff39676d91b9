/**
 * Runs asynchronous work one piece at a time, in the order it was pushed. Trace sinks hear of spans
 * from synchronous SDK hooks; their store reads and writes go through one of these so that they
 * happen in span order, and whoever must see them done (a settled segment, a flush) can wait.
 */
export class SerialQueue {
  /** Settles when the last piece pushed has settled, whatever its outcome. */
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** Queues `work`; it starts at once when nothing is queued (so its first statement keeps its place). */
  push<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    const turn = this.pending === 1 ? start(work) : this.tail.then(work);
    const done = () => void this.pending--;
    this.tail = turn.then(done, done);
    return turn;
  }

  /** Settles once everything pushed so far has settled. */
  idle(): Promise<void> {
    return this.tail;
  }
}

function start<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
