/** The longest delay a Node timer keeps; a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A tool call's time limit: `work`'s answer, or `late()` once `ms` have passed without one.
 * The SDK's own limit (a tool's `timeoutMs`) built an error with its stack, a combined abort
 * signal and a copy of the call's details for every call, timed out or not; this is one timer.
 * Work past its time is abandoned, not stopped: a read's answer is dropped. A write is only
 * at most once per call id, and the model calling again is a new call: writes have their own
 * limit on top of this one (writeTimeLimit.ts), whose late answer never invites a retry.
 */
export async function withinTime<T>(ms: number, work: Promise<T>, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), Math.min(ms, MAX_TIMER_MS));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
