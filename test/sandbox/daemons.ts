// The sandbox's long-running processes (nginx, fcgiwrap, sshd). Each runs in the foreground of
// its own session (spawn detached = setsid), so it outlives the test file that started it and its
// process group holds exactly it and its workers. Stopping signals only processes of that group
// that started no earlier than the recorded leader: never anything found by name.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { basename } from 'node:path';
import type { SandboxProcess } from './layout';

interface ProcStat {
  comm: string;
  state: string;
  pgrp: number;
  startTime: number;
}

function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // comm may hold spaces and parentheses: fields are counted after the last ')'.
  const close = text.lastIndexOf(')');
  const f = text.slice(close + 2).split(' ');
  const comm = text.slice(text.indexOf('(') + 1, close);
  return { comm, state: f[0] ?? '', pgrp: Number(f[2]), startTime: Number(f[19]) };
}

/** Start times count clock ticks since boot: they identify a process only within one boot. */
function bootId(): string {
  return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
}

/** True when this pid is the process we started (same boot, same start time) and not a zombie. */
export function isAlive(p: SandboxProcess): boolean {
  const s = procStat(p.pid);
  return (
    p.bootId === bootId() &&
    s !== undefined &&
    s.startTime === p.startTime &&
    s.state !== 'Z' &&
    s.state !== 'X'
  );
}

export interface DaemonSpec {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  logFile: string;
  cwd?: string;
}

export function spawnDaemon(spec: DaemonSpec): SandboxProcess {
  const out = openSync(spec.logFile, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      env: spec.env,
      cwd: spec.cwd,
      detached: true,
      stdio: ['ignore', out, out],
    });
    child.on('error', () => {
      /* reported through the readiness check and the log */
    });
    child.unref();
    if (child.pid === undefined) throw new Error(`could not start ${spec.command}`);
    const stat = procStat(child.pid);
    return {
      name: spec.name,
      pid: child.pid,
      startTime: stat?.startTime ?? -1,
      bootId: bootId(),
      // what /proc/<pid>/stat will name it after exec (the kernel keeps 15 characters)
      comm: basename(spec.command).slice(0, 15),
    };
  } finally {
    closeSync(out);
  }
}

/**
 * Members of the daemon's process group (same boot, started with or after it, same program):
 * ours by construction, even when the leader has died and its pid could be reused.
 */
function groupMembers(p: SandboxProcess): number[] {
  if (p.startTime < 0 || p.bootId !== bootId()) return [];
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = procStat(Number(name));
    if (s && s.pgrp === p.pid && s.startTime >= p.startTime && s.comm === p.comm && s.state !== 'Z') {
      pids.push(Number(name));
    }
  }
  return pids;
}

function signal(pids: number[], sig: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM the daemon's group, then SIGKILL what is left after `graceMs`. */
export async function stopDaemon(p: SandboxProcess, graceMs = 3000): Promise<void> {
  let pids = groupMembers(p);
  signal(pids, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    pids = groupMembers(p);
    if (pids.length === 0) return;
    await sleep(50);
  }
  signal(pids, 'SIGKILL');
  for (let i = 0; i < 40 && groupMembers(p).length > 0; i++) await sleep(50);
}

function tryConnect(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    let banner = '';
    const done = (v: string | undefined) => {
      s.destroy();
      resolve(v);
    };
    s.setTimeout(1000, () => done(banner || (port === 22 ? undefined : '')));
    s.on('connect', () => {
      if (port !== 22) done('');
    });
    s.on('data', (d) => {
      banner += d.toString('latin1');
      if (banner.includes('\n')) done(banner);
    });
    s.on('error', () => done(undefined));
  });
}

/** Waits until host:port accepts (for port 22: sends an SSH banner); fails early if the daemon dies. */
export async function waitForPort(
  p: SandboxProcess,
  host: string,
  port: number,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await tryConnect(host, port);
    if (r !== undefined && (port !== 22 || r.startsWith('SSH-'))) return;
    if (!isAlive(p)) throw new Error(`${p.name} exited before listening on ${host}:${port}`);
    if (Date.now() > deadline)
      throw new Error(`${p.name} is not listening on ${host}:${port} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Waits until the daemon creates `file` (a socket); fails early if it dies. */
export async function waitForFile(file: string, proc: SandboxProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (!isAlive(proc)) throw new Error(`${proc.name} exited before creating ${file}`);
    if (Date.now() > deadline) throw new Error(`${proc.name} did not create ${file} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The last lines of a log, for error messages. */
export function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
