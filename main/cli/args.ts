// A small strict argument parser: unknown flags, missing values and stray positionals are
// usage errors (exit code 2) that say what was expected. Secrets never come through argv:
// commands that take one read it from stdin (--password-stdin, --stdin).
import { usageError } from '../common/errors';

export interface FlagSpec {
  /** takes a value (`--port 8080` / `--port=8080`) */
  value?: boolean;
  /** may repeat (values collected) */
  multiple?: boolean;
  short?: string;
}

export interface CommandSpec {
  usage: string;
  flags: Record<string, FlagSpec>;
  /** [min, max] positionals; max Infinity for variadic */
  positionals: [number, number];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[]>;
}

export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  const byShort = new Map<string, string>();
  for (const [name, f] of Object.entries(spec.flags)) if (f.short) byShort.set(f.short, name);
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else {
      const long = byShort.get(arg.slice(1));
      if (!long) throw usageError(`unknown option ${arg}`, `usage: ${spec.usage}`);
      name = long;
    }
    const f = spec.flags[name];
    if (!f) throw usageError(`unknown option --${name}`, `usage: ${spec.usage}`);
    let value: string | boolean = true;
    if (f.value) {
      if (inline !== undefined) value = inline;
      else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2))
          throw usageError(`option --${name} needs a value`, `usage: ${spec.usage}`);
        value = next;
        i++;
      }
    } else if (inline !== undefined) {
      throw usageError(`option --${name} takes no value`, `usage: ${spec.usage}`);
    }
    if (f.multiple) {
      const prev = flags[name];
      flags[name] = [...(Array.isArray(prev) ? prev : []), String(value)];
    } else {
      if (flags[name] !== undefined) throw usageError(`option --${name} given twice`, `usage: ${spec.usage}`);
      flags[name] = value;
    }
  }
  const [min, max] = spec.positionals;
  if (positionals.length < min) throw usageError(`missing arguments`, `usage: ${spec.usage}`);
  if (positionals.length > max)
    throw usageError(`unexpected argument ${JSON.stringify(positionals[max])}`, `usage: ${spec.usage}`);
  return { positionals, flags };
}

export function flagString(a: ParsedArgs, name: string): string | undefined {
  const v = a.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagBool(a: ParsedArgs, name: string): boolean {
  return a.flags[name] === true;
}

export function flagList(a: ParsedArgs, name: string): string[] {
  const v = a.flags[name];
  return Array.isArray(v) ? v : [];
}
