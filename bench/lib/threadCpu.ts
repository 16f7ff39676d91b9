import { readdirSync, readFileSync } from 'node:fs';

/**
 * This process's CPU time split by thread (from /proc/self/task): the main thread, which runs the
 * JavaScript and makes the system calls, and every other thread together (V8's garbage collection and
 * compilers, libuv's pool). In ms; undefined where /proc is not there.
 */
export function threadCpu(): { mainMs: number; otherMs: number } | undefined {
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  // Clock ticks of 10 ms: Linux's USER_HZ is 100 on every architecture Node runs on.
  let mainMs = 0;
  let otherMs = 0;
  for (const task of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      if (Number(task) === process.pid) mainMs += ms;
      else otherMs += ms;
    } catch {
      // the thread ended meanwhile
    }
  }
  return { mainMs, otherMs };
}
