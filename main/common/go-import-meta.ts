// The `?go-get=1` answer as go reads it (go 1.19 cmd/go/internal/vcs/discovery.go): go-import
// meta tags in the head, up to <body> or </head>; `mod` entries preferred in module mode; one
// entry must be a path prefix of the import path.
import { hasPathPrefix } from './go-repo-root';

export interface GoImport {
  prefix: string;
  vcs: string;
  repoRoot: string;
}

const tagRe = /<\s*(\/?)\s*([A-Za-z][A-Za-z0-9:_-]*)([^>]*)>/g;
const attrRe = /([A-Za-z_:][A-Za-z0-9_:.-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attrs(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of raw.matchAll(attrRe)) {
    const name = (m[1] as string).toLowerCase();
    if (!out.has(name)) out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

export function parseGoImports(html: string, preferMod = true): GoImport[] {
  const found: GoImport[] = [];
  for (const m of html.matchAll(tagRe)) {
    const closing = m[1] === '/';
    const name = (m[2] as string).toLowerCase();
    if ((!closing && name === 'body') || (closing && name === 'head')) break;
    if (closing || name !== 'meta') continue;
    const a = attrs(m[3] as string);
    if (a.get('name') !== 'go-import') continue;
    const f = (a.get('content') ?? '').split(/\s+/).filter((x) => x.length > 0);
    if (f.length === 3) found.push({ prefix: f[0] as string, vcs: f[1] as string, repoRoot: f[2] as string });
  }
  if (!preferMod) return found;
  const modPrefixes = new Set(found.filter((i) => i.vcs === 'mod').map((i) => i.prefix));
  return [
    ...found.filter((i) => i.vcs === 'mod'),
    ...found.filter((i) => i.vcs !== 'mod' && !modPrefixes.has(i.prefix)),
  ];
}

export type GoImportMatch = { ok: true; match: GoImport } | { ok: false; error: string };

export function matchGoImport(imports: GoImport[], importPath: string): GoImportMatch {
  let match: GoImport | undefined;
  const mismatches: string[] = [];
  for (const im of imports) {
    if (!hasPathPrefix(importPath, im.prefix)) {
      mismatches.push(im.prefix);
      continue;
    }
    if (match) {
      if (match.vcs === 'mod' && im.vcs !== 'mod') break;
      return { ok: false, error: `multiple meta tags match import path "${importPath}"` };
    }
    match = im;
  }
  if (match) return { ok: true, match };
  if (imports.length === 0) return { ok: false, error: `no go-import meta tags` };
  return {
    ok: false,
    error: `no go-import meta tag matching ${importPath} (found ${mismatches.join(', ')})`,
  };
}
