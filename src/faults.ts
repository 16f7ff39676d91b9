/**
 * Fault points for the crash-safety and fencing tests, inert unless the environment names them.
 * LISTING_ASSISTANT_FAULT=<point> kills the process there with SIGKILL, exactly as a power cut would.
 * LISTING_ASSISTANT_STALL=<point>:<ms>[:<skip>] freezes the whole process there once for <ms> (the
 * event loop blocked: no heartbeat, no timer, as in a long GC pause or a SIGSTOP), after passing the
 * point <skip> times first.
 */
export type FaultPoint = 'after-approval' | 'during-write';
export type StallPoint = 'before-run-transaction';

export function faultPoint(name: FaultPoint): void {
  if (process.env.LISTING_ASSISTANT_FAULT === name) process.kill(process.pid, 'SIGKILL');
}

/** Read once: the stall point sits on a hot path (every run transaction). */
const STALL = process.env.LISTING_ASSISTANT_STALL;
let passes = 0;
let stalled = false;

export function stallPoint(name: StallPoint): void {
  if (!STALL || stalled) return;
  const spec = STALL;
  const [point, ms, skip] = spec.split(':');
  if (point !== name || passes++ < Number(skip ?? 0)) return;
  stalled = true;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
}
