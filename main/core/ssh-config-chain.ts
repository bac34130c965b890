// Every file `ssh -G` would read for a config, and every `Match exec` command in them. ssh runs
// `Match exec` commands while *reading* the config, so `ssh -G` is not a read-only query on a
// config we have not vetted (design notes). Includes are followed the way OpenSSH 9.2's
// readconf.c does: relative paths live in ~/.ssh (user config) or /etc/ssh (system config),
// `~/` is expanded by glob(3) with GLOB_TILDE, which takes $HOME, wildcards are expanded in
// lexical order, and nesting stops at 16 levels. Anything we cannot resolve exactly counts as
// unvetted, so the caller refuses rather than guesses.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { toErrorData } from '../common/errors';
import { parseSshConfig } from '../common/ssh-config-syntax';

// readconf.c READCONF_MAX_DEPTH
const MAX_DEPTH = 16;

export interface SshMatchExec {
  file: string;
  line: number;
  command: string;
}

export interface SshConfigChain {
  /** files ssh would read, in reading order (those that exist) */
  files: string[];
  matchExecs: SshMatchExec[];
  /** what could not be resolved exactly (parse errors, `~user/` includes, depth): unvetted */
  unresolved: { file: string; line?: number; reason: string }[];
}

export interface ChainRoot {
  file: string;
  /** the system config resolves relative Includes in /etc/ssh and refuses `~` */
  system: boolean;
}

function globSegmentRegex(segment: string): RegExp {
  let re = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < segment.length)
      re += (segment[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) re += '\\[';
      else {
        let cls = segment.slice(i + 1, close);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** glob(3) on an absolute pattern: matches in lexical order; '*' does not match a leading dot. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let bases = [segments[0] === '' ? '/' : (segments[0] as string)];
  for (const seg of segments.slice(1)) {
    const next: string[] = [];
    for (const base of bases) {
      if (!/[*?[]/.test(seg)) {
        next.push(join(base, seg.replace(/\\(.)/g, '$1')));
        continue;
      }
      const re = globSegmentRegex(seg);
      let names: string[] = [];
      try {
        names = await readdir(base);
      } catch {
        continue;
      }
      for (const n of names.sort())
        if (re.test(n) && (seg.startsWith('.') || !n.startsWith('.'))) next.push(join(base, n));
    }
    bases = next;
  }
  const out: string[] = [];
  for (const p of bases) {
    try {
      await stat(p);
      out.push(p);
    } catch {
      /* no match: ssh skips it */
    }
  }
  return out.sort();
}

/** Where ssh looks for an Include argument; undefined when it cannot be resolved exactly. */
export function includePattern(arg: string, system: boolean, home: string): string | undefined {
  if (arg.startsWith('~')) {
    if (system || !(arg === '~' || arg.startsWith('~/'))) return undefined; // ~user/… or ~ in the system config
    return home + arg.slice(1);
  }
  if (arg.startsWith('/')) return arg;
  return system ? join('/etc/ssh', arg) : join(home, '.ssh', arg);
}

/** Follows Includes from the roots and collects every `Match exec`. Never runs anything. */
export async function scanSshConfigChain(roots: ChainRoot[], home: string): Promise<SshConfigChain> {
  const chain: SshConfigChain = { files: [], matchExecs: [], unresolved: [] };
  const visit = async (file: string, system: boolean, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) {
      chain.unresolved.push({ file, reason: `Include nesting deeper than ${MAX_DEPTH}` });
      return;
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR') {
        chain.unresolved.push({ file, reason: `cannot read it (${code ?? 'error'})` });
      }
      return;
    }
    chain.files.push(file);
    let doc;
    try {
      doc = parseSshConfig(text, file);
    } catch (err) {
      const d = toErrorData(err);
      chain.unresolved.push({ file, ...(d.line !== undefined ? { line: d.line } : {}), reason: d.message });
      return;
    }
    for (const l of doc.lines) {
      if (l.kind !== 'directive') continue;
      if (l.keyword === 'match') {
        // The command as ssh's match_cfg_line reads it (the parser follows it); any other
        // `exec` token on the line counts too: a host literally named "exec" is a false alarm
        // we accept, a missed command is not.
        const block = doc.blocks.find((b) => b.kind === 'match' && b.line === l.number);
        const commands = (block?.criteria ?? []).filter((c) => c.name === 'exec').map((c) => c.arg ?? '');
        if (commands.length === 0)
          l.args.forEach((a, i) => {
            if (a.replace(/^!/, '').toLowerCase() === 'exec') commands.push(l.args[i + 1] ?? '');
          });
        for (const command of commands) chain.matchExecs.push({ file, line: l.number, command });
      } else if (l.keyword === 'include') {
        for (const arg of l.args) {
          const pattern = includePattern(arg, system, home);
          if (pattern === undefined) {
            chain.unresolved.push({
              file,
              line: l.number,
              reason: `Include ${arg} cannot be resolved exactly`,
            });
            continue;
          }
          for (const f of await expandGlob(pattern)) await visit(f, system, depth + 1);
        }
      }
    }
  };
  for (const r of roots) await visit(r.file, r.system, 0);
  return chain;
}
