/**
 * Crash points for the crash-safety tests. Inert unless the environment
 * variable LISTING_ASSISTANT_FAULT names the point, in which case the process
 * kills itself there with SIGKILL, exactly as a power cut would.
 */
export type FaultPoint = 'after-approval' | 'during-write';

export function faultPoint(name: FaultPoint): void {
  if (process.env.LISTING_ASSISTANT_FAULT === name) process.kill(process.pid, 'SIGKILL');
}
