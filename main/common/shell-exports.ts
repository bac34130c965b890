// Finds the Go/git/TLS/proxy variables a shell startup file exports, with file:line, so Onramp
// can explain why `go env -w GOPRIVATE=…` "does nothing": an `export GOPRIVATE=…` in ~/.bashrc
// wins over the go env file in every terminal (see design notes, env-override). Read-only: the
// file is lexed, never run, so values are reported as written and anything computed at login
// (`$VAR`, `$(…)`) is only marked dynamic.
import { redactSetting } from './setting-redaction';
import { lexShell, type ShellDialect, type ShellToken, type ShellWord } from './shell-lexer';

export type { ShellDialect } from './shell-lexer';

export interface ShellExport {
  file: string;
  name: string;
  /** quotes removed, nothing expanded, secrets masked */
  value: string;
  /** the value as written (quotes kept), secrets masked */
  raw: string;
  /** 1-based line of the assignment */
  line: number;
  /** the command as written (continuations joined), secrets masked */
  statement: string;
  /** the value depends on expansion at login ($VAR, $(…), `…`, ~) */
  dynamic: boolean;
  /** inside if/case/loop/function/braces, or after && / || : may not run */
  conditional: boolean;
  redacted: boolean;
}

const PROXY_VARS = new Set(['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY']);

/** Variables that change how go, git or TLS reach a module host. CGO_* is build-only. */
export function isRelevantShellVar(name: string): boolean {
  return (
    /^GO[A-Z0-9_]*$/.test(name) ||
    /^GIT_[A-Z0-9_]+$/.test(name) ||
    /^SSL_CERT_[A-Z0-9_]+$/.test(name) ||
    PROXY_VARS.has(name.toUpperCase())
  );
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;
const SEPARATORS = new Set(['\n', ';', ';;', '&', '&&', '||', '|', '(', ')']);
const REDIRECTS = new Set(['<', '>', '>>', '<<', '<<-', '>&', '<&', '&>']);

interface Command {
  words: ShellWord[];
  /** the separator before the command */
  after: string;
}

function splitCommands(tokens: ShellToken[]): { commands: Command[]; opsBefore: string[] } {
  const commands: Command[] = [];
  const opsBefore: string[] = [];
  let words: ShellWord[] = [];
  let after = '\n';
  let skipNext = false;
  for (const t of tokens) {
    if (t.kind === 'word') {
      if (skipNext) skipNext = false;
      else words.push(t);
      continue;
    }
    if (REDIRECTS.has(t.op)) {
      skipNext = true; // the redirection target is not an argument
      continue;
    }
    if (!SEPARATORS.has(t.op)) continue;
    commands.push({ words, after });
    opsBefore.push(t.op);
    words = [];
    after = t.op;
  }
  commands.push({ words, after });
  return { commands, opsBefore };
}

interface Pending {
  word: ShellWord;
  cmd: ShellWord[];
  conditional: boolean;
}

class Scanner {
  readonly out: ShellExport[] = [];
  private readonly exported = new Set<string>();
  private readonly pending = new Map<string, Pending>();
  private readonly stack: string[] = [];

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly dialect: ShellDialect,
  ) {}

  private emit(word: ShellWord, name: string, cmd: ShellWord[], conditional: boolean, append = false): void {
    if (!isRelevantShellVar(name)) return;
    const eq = word.raw.indexOf('=');
    const rawValue = word.raw.slice(eq + 1);
    const value = word.value.slice(word.value.indexOf('=') + 1);
    this.record(
      name,
      word.line,
      value,
      rawValue,
      cmd,
      conditional,
      word.dynamic || append || /^~|:~/.test(rawValue),
    );
  }

  private record(
    name: string,
    line: number,
    value: string,
    raw: string,
    cmd: ShellWord[],
    conditional: boolean,
    dynamic: boolean,
  ): void {
    const first = cmd[0];
    const last = cmd[cmd.length - 1];
    const source = first && last ? this.text.slice(first.start, last.end) : raw;
    const statement = source.replace(/\\\n/g, '');
    const mask = (t: string) => redactSetting(name, [value, raw], t);
    const shown = { value: mask(value), raw: mask(raw), statement: mask(statement) };
    this.out.push({
      file: this.file,
      name,
      ...shown,
      line,
      dynamic,
      conditional,
      redacted: shown.value !== value || shown.raw !== raw || shown.statement !== statement,
    });
  }

  private assign(word: ShellWord, cmd: ShellWord[], conditional: boolean): void {
    const m = ASSIGNMENT.exec(word.raw);
    if (!m?.[1]) return;
    if (this.exported.has(m[1])) this.emit(word, m[1], cmd, conditional, m[2] === '+');
    else this.pending.set(m[1], { word, cmd, conditional });
  }

  private exportArgs(args: ShellWord[], cmd: ShellWord[], conditional: boolean): void {
    for (const a of args) {
      const m = ASSIGNMENT.exec(a.raw);
      if (m?.[1]) {
        this.exported.add(m[1]);
        this.emit(a, m[1], cmd, conditional, m[2] === '+');
        continue;
      }
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(a.raw)) continue;
      this.exported.add(a.raw);
      const p = this.pending.get(a.raw);
      if (p) {
        this.pending.delete(a.raw);
        this.emit(p.word, a.raw, p.cmd, p.conditional || conditional);
      }
    }
  }

  /** Drops leading keywords, keeping track of blocks; returns the words left to run. */
  private posixKeywords(words: ShellWord[]): ShellWord[] | null {
    let i = 0;
    while (i < words.length) {
      const w = words[i]?.raw ?? '';
      if (['if', 'while', 'until', '{'].includes(w)) this.stack.push(w);
      else if (w === 'case' || w === 'for' || w === 'select') {
        this.stack.push(w);
        return null; // `case x in` / `for x in …`: no assignment here
      } else if (w === 'fi' || w === 'done' || w === 'esac' || w === '}') this.stack.pop();
      else if (w === 'function')
        i++; // `function name {`
      else if (!['then', 'else', 'elif', 'do', '!', 'time'].includes(w)) break;
      i++;
    }
    return words.slice(i);
  }

  private fishKeywords(words: ShellWord[]): ShellWord[] | null {
    let i = 0;
    while (i < words.length) {
      const w = words[i]?.raw ?? '';
      if (['for', 'function', 'switch'].includes(w)) {
        this.stack.push(w);
        return null;
      }
      if (w === 'case') return null;
      if (w === 'if' || w === 'while' || w === 'begin') this.stack.push(w);
      else if (w === 'end') this.stack.pop();
      else if (!['else', 'and', 'or', 'not', 'command', 'builtin'].includes(w)) break;
      i++;
    }
    return words.slice(i);
  }

  private posixCommand(words: ShellWord[], conditional: boolean): void {
    let i = 0;
    while (i < words.length && ASSIGNMENT.test(words[i]?.raw ?? '')) i++;
    const cmd = words[i];
    if (!cmd) {
      for (const w of words) this.assign(w, words, conditional);
      return; // plain `X=v` sets a shell variable; exported only if X is (or becomes) exported
    }
    // `X=v cmd` scopes X to that one command: nothing persists.
    const rest = words.slice(i + 1);
    const flags = rest.filter((w) => /^[-+]/.test(w.raw)).map((w) => w.raw);
    const args = rest.filter((w) => !/^[-+]/.test(w.raw));
    if (cmd.raw === 'export') {
      if (flags.some((f) => f.includes('n'))) {
        for (const a of args) this.exported.delete(a.raw);
      } else if (!flags.some((f) => /[pf]/.test(f))) this.exportArgs(args, words.slice(i), conditional);
      return;
    }
    if (['declare', 'typeset', 'local', 'readonly'].includes(cmd.raw)) {
      if (flags.some((f) => /^-.*[fF]/.test(f))) return;
      if (flags.some((f) => /^-.*x/.test(f))) this.exportArgs(args, words.slice(i), conditional);
      else for (const a of args) this.assign(a, words.slice(i), conditional);
    }
  }

  private fishCommand(words: ShellWord[], conditional: boolean): void {
    const cmd = words[0];
    if (cmd?.raw === 'export') return this.exportArgs(words.slice(1), words, conditional);
    if (cmd?.raw !== 'set') return;
    let exported = false;
    let i = 1;
    for (; i < words.length; i++) {
      const w = words[i]?.raw ?? '';
      if (w === '--') {
        i++;
        break;
      }
      if (w.startsWith('--')) {
        if (w === '--export') exported = true;
        if (['--erase', '--query', '--names', '--show', '--unexport'].includes(w)) return;
      } else if (w.startsWith('-') && w.length > 1) {
        if (w.includes('x')) exported = true;
        if (/[eqnSu]/.test(w.slice(1))) return; // erase, query, names, show, unexport
      } else break;
    }
    const nameWord = words[i];
    if (!exported || !nameWord || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameWord.raw)) return;
    const values = words.slice(i + 1);
    // fish joins a list with spaces when exporting it (colons for *PATH variables).
    const sep = nameWord.raw.endsWith('PATH') ? ':' : ' ';
    this.record(
      nameWord.raw,
      nameWord.line,
      values.map((v) => v.value).join(sep),
      values.map((v) => v.raw).join(' '),
      words,
      conditional,
      values.some((v) => v.dynamic),
    );
  }

  run(tokens: ShellToken[]): void {
    const { commands } = splitCommands(tokens);
    for (const c of commands) {
      if (this.dialect === 'posix' && c.after === '(') this.stack.push('(');
      if (this.dialect === 'posix' && c.after === ')' && this.stack[this.stack.length - 1] === '(') {
        this.stack.pop();
      }
      const words = this.dialect === 'fish' ? this.fishKeywords(c.words) : this.posixKeywords(c.words);
      if (!words || words.length === 0) continue;
      const conditional = this.stack.length > 0 || ['&&', '||', '|'].includes(c.after);
      if (this.dialect === 'fish') this.fishCommand(words, conditional);
      else this.posixCommand(words, conditional);
    }
  }
}

/**
 * The relevant variables a startup file exports, in file order (the last entry for a name is
 * what the shell ends up with, conditionals aside). `file` is only echoed into the results.
 */
export function scanShellExports(text: string, file: string, shell: ShellDialect): ShellExport[] {
  const normalized = text.replace(/\r\n/g, '\n');
  const scanner = new Scanner(normalized, file, shell);
  scanner.run(lexShell(normalized, shell));
  return scanner.out;
}

/** fish for *.fish files, posix (sh/bash/zsh) otherwise. */
export function shellDialectOf(file: string): ShellDialect {
  return file.endsWith('.fish') ? 'fish' : 'posix';
}
