// The machine a report was measured on: CPU, cores, memory, tool versions, load.
import { execFileSync } from 'node:child_process';
import { cpus, hostname, loadavg, release, totalmem, type as osType } from 'node:os';
import { readFileSync } from 'node:fs';
import type { MachineInfo } from './types';

function toolVersion(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 15_000, env: process.env })
      .toString()
      .trim()
      .split('\n')[0] as string;
  } catch {
    return 'not found';
  }
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${osType()} ${release()})`;
  } catch {
    /* not Linux */
  }
  return `${osType()} ${release()}`;
}

export const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100);

export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    hostname: hostname(),
    os: osName(),
    cpuModel: c[0]?.model.trim() ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    go: toolVersion('go', ['version']).replace(/^go version /, ''),
    git: toolVersion('git', ['--version']).replace(/^git version /, ''),
    loadAverage: loadAverage(),
  };
}

/** Busy and total CPU ticks over all cores so far (/proc/stat); undefined off Linux. */
export function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const f = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Share of all cores' time that was busy between two cpuTicks() readings, in %. */
export function busyPercent(a: ReturnType<typeof cpuTicks>, b: ReturnType<typeof cpuTicks>): number {
  if (!a || !b || b.total === a.total) return NaN;
  return ((b.busy - a.busy) / (b.total - a.total)) * 100;
}
