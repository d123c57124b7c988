/** The machine a benchmark ran on, and peak memory of this process. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Peak resident set size of this process (VmHWM) in MiB; falls back to current RSS off Linux. */
export function peakRssMiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch { /* not Linux */ }
  return Math.round(process.memoryUsage.rss() / 1048576);
}

/** Current resident set size in MiB. */
export function rssMiB(): number {
  return Math.round(process.memoryUsage.rss() / 1048576);
}

/** Samples RSS every `ms` while running, so a peak between checkpoints is seen even off Linux. */
export function rssSampler(ms = 250): { stop(): { peakMiB: number; samples: number } } {
  let peak = rssMiB();
  let samples = 1;
  const t = setInterval(() => { peak = Math.max(peak, rssMiB()); samples++; }, ms);
  t.unref();
  return { stop: () => { clearInterval(t); return { peakMiB: Math.max(peak, rssMiB()), samples }; } };
}

const sh = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

/** nproc, memory, CPU model, node version; PostgreSQL version is added by the caller. */
export function machineInfo(): Record<string, unknown> {
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? null,
    memTotalGiB: Math.round((os.totalmem() / 1073741824) * 10) / 10,
    loadAvg1m: Math.round(os.loadavg()[0]! * 100) / 100,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    lscpu: sh('lscpu', [])?.split('\n').slice(0, 10) ?? null,
    freeH: sh('free', ['-h'])?.split('\n') ?? null,
  };
}
