/** CPU accounting from /proc: how many cores each process (and the whole machine) used during a cell. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

const round = (n: number) => Math.round(n * 100) / 100;

/** The processes whose CPU is read, by role. */
export interface Pids {
  api?: number | undefined;
  peer?: number | undefined;
  floor?: number | undefined;
  neo4j?: number | undefined;
}

export interface CpuUse {
  /** This process: the load generator. */
  bench: number;
  api?: number;
  peer?: number;
  /** The floor server's process. */
  floor?: number;
  neo4j?: number;
  /** The whole machine (every process, from /proc/stat; stolen time counts as busy). */
  machine?: number;
  /** The machine less every process above: what else ran. */
  others?: number;
}

let clockTicks: number | undefined;
/** CPU seconds (user + system) a process has used so far, from /proc; undefined when unreadable. */
function processCpuSeconds(pid: number | undefined): number | undefined {
  if (!pid || pid <= 0) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return undefined;
  }
}

/** Busy and total clock ticks of all CPUs so far, from /proc/stat; undefined when unreadable. */
function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { busy: total - idle - iowait, total };
  } catch {
    return undefined;
  }
}

const ROLES = ['api', 'peer', 'floor', 'neo4j'] as const;

/** CPU seconds used so far by each role and this process, and the machine's ticks. */
export interface CpuSample {
  bench: number;
  roles: Partial<Record<(typeof ROLES)[number], number>>;
  machine: { busy: number; total: number } | undefined;
}

export function sampleCpu(pids: Pids): CpuSample {
  const b = process.cpuUsage();
  const roles: CpuSample['roles'] = {};
  for (const role of ROLES) {
    const s = processCpuSeconds(pids[role]);
    if (s !== undefined) roles[role] = s;
  }
  return { bench: (b.user + b.system) / 1e6, roles, machine: machineTicks() };
}

/** Accumulates the CPU of several intervals (the rounds of one side in a cell). */
export class CpuTotals {
  private bench = 0;
  private readonly roles: Partial<Record<(typeof ROLES)[number], number>> = {};
  private busy = 0;
  private total = 0;

  add(from: CpuSample, to: CpuSample): void {
    this.bench += to.bench - from.bench;
    for (const role of ROLES) {
      const a = from.roles[role];
      const b = to.roles[role];
      if (a !== undefined && b !== undefined) this.roles[role] = (this.roles[role] ?? 0) + (b - a);
    }
    if (from.machine && to.machine) {
      this.busy += to.machine.busy - from.machine.busy;
      this.total += to.machine.total - from.machine.total;
    }
  }

  /** Cores used over `elapsedMs` of measuring. */
  use(elapsedMs: number): CpuUse {
    const seconds = Math.max(elapsedMs / 1000, 1e-6);
    const use: CpuUse = { bench: round(this.bench / seconds) };
    for (const role of ROLES) {
      const v = this.roles[role];
      if (v !== undefined) use[role] = round(v / seconds);
    }
    if (this.total > 0) {
      use.machine = round((this.busy / this.total) * os.cpus().length);
      const known = use.bench + ROLES.reduce((n, r) => n + (use[r] ?? 0), 0);
      use.others = round(Math.max(0, use.machine - known));
    }
    return use;
  }
}
