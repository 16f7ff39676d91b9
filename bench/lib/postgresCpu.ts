import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * CPU time of one PostgreSQL server's processes (its postmaster and every child: backends, writer,
 * autovacuum, those that exited too), read from /proc: what the database costs, whatever else shares the machine. Other
 * clusters on the machine have other postmasters and are not counted. Undefined when the server is
 * not a local process (another machine, another container).
 */
export async function postgresCpu(url: string): Promise<() => number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let postmaster: number | undefined;
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    postmaster = Number(readFileSync(`/proc/${rows[0].pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    postmaster = undefined;
  } finally {
    await client.end();
  }
  const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
  return () => {
    if (postmaster === undefined) return undefined;
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        // Fields after the command name: state, ppid, …, utime (12th), stime (13th), and the
        // postmaster's cutime and cstime (14th, 15th): its children that exited (a closed pool's
        // backends), which would otherwise leave the sum and make it go down.
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        if (Number(pid) === postmaster)
          ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
        else if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the process exited meanwhile
      }
    }
    return (ticks * 1000) / ticksPerSecond;
  };
}
