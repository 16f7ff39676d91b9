/**
 * The settled runs waiting for Langfuse export, at most `capacity` of them.
 * A run settling again while it waits is queued once (its export reads the
 * store then, so it carries both segments). When Langfuse is slow or down and
 * the queue is full, the oldest waiting run is dropped and counted: the store
 * still holds its trace, and newer runs are worth more to someone watching.
 */
export class LangfuseExportQueue<T> {
  private readonly items = new Map<string, T>();
  /** Runs dropped since start because the queue was full. */
  dropped = 0;

  constructor(
    readonly capacity: number,
    private readonly onDrop: (key: string, item: T) => void = () => {},
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  get size(): number {
    return this.items.size;
  }

  /** Queues an item; returns the one it replaced (same key), if any. */
  push(key: string, item: T): T | undefined {
    const replaced = this.items.get(key);
    this.items.set(key, item);
    this.trim();
    return replaced;
  }

  private trim(): void {
    while (this.items.size > this.capacity) {
      const [oldestKey, oldest] = this.items.entries().next().value as [string, T];
      this.items.delete(oldestKey);
      this.dropped++;
      this.onDrop(oldestKey, oldest);
    }
  }

  /**
   * Puts items taken earlier back at the front (the oldest end), as a batch that could not be sent;
   * a key queued again meanwhile keeps its newer item. Past capacity the oldest go, counted.
   */
  requeue(entries: Array<[string, T]>): void {
    const back = entries.filter(([key]) => !this.items.has(key));
    const waiting = [...this.items];
    this.items.clear();
    for (const [key, item] of [...back, ...waiting]) this.items.set(key, item);
    this.trim();
  }

  /** Takes the oldest waiting item. */
  shift(): [string, T] | undefined {
    const first = this.items.entries().next();
    if (first.done) return undefined;
    this.items.delete(first.value[0]);
    return first.value;
  }
}
