// scanShellExports never runs a startup file; this checks its reading against what bash itself
// exports for static snippets (no expansions), so quoting and export rules match the shell.
import { describe, expect, it } from 'vitest';
import { scanShellExports } from '../../main/common/shell-exports';
import { runToolChecked } from '../../main/core/tool-runner';

const snippets = [
  'export GOPRIVATE=a.example',
  'export GONOSUMDB="a b"',
  "export GOPROXY='x,y'",
  'GOPATH=/x; export GOPATH',
  'export GOSUMDB GOPRIVATE=c',
  'declare -x GOVCS=v',
  'typeset -x GONOPROXY=t',
  'export GOFLAGS=-mod=mod\\\n GOINSECURE=i',
  'export GOPRIVATE=a\\\nb',
  'export GOPRIVATE="a\\"b"',
  "export GOPRIVATE=$'a\\tb'",
  'export GOPRIVATE=a\\ b',
  'export GOPRIVATE="x"y\'z\'',
  'export GOPROXY\nGOPROXY=late',
  'export -n GOPRIVATE\nGOPRIVATE=x',
  'GOPRIVATE=x true',
  'export GOPRIVATE=a # c',
  'export GOPRIVATE=a#b',
  'readonly GOPRIVATE=r; export GOPRIVATE',
  'cat >/dev/null <<EOF\nexport GOPRIVATE=heredoc\nEOF\nexport GONOSUMDB=after',
  'if true; then export GOPRIVATE=in-if; fi',
  'export NO_PROXY="localhost,.corp" https_proxy=http://p:3128',
];

async function bashExports(snippet: string): Promise<Record<string, string>> {
  const r = await runToolChecked('bash', ['--norc', '--noprofile', '-c', `${snippet}\nenv -0`], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  const out: Record<string, string> = {};
  for (const kv of r.stdout.split('\0')) {
    const i = kv.indexOf('=');
    const k = kv.slice(0, i);
    if (/^GO|_PROXY$/i.test(k)) out[k] = kv.slice(i + 1);
  }
  return out;
}

describe('scanShellExports agrees with bash', () => {
  it.each(snippets)('%j', async (snippet) => {
    const ours = Object.fromEntries(scanShellExports(snippet, 'f', 'posix').map((e) => [e.name, e.value]));
    expect(ours).toEqual(await bashExports(snippet));
  });
});
