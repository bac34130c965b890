// 4. Browser mode cold start: server start → first interactive render in Chromium, both with
// startWebServer() in this process and as a new server process (what `onramp web` does); the
// renderer's initial JS gzipped, with the terminal (xterm) required to be in a lazy chunk; and
// the server process's resident memory. The renderer is built from the working tree first.
import { cpus } from 'node:os';
import { bareHome } from '../client-home';
import type { JsFile } from '../renderer-build';
import { metric, stat, sum } from '../stats';
import type { BenchContext, Metric, Section, SectionResult } from '../types';

type Result = Omit<SectionResult, 'id' | 'title' | 'durationMs'>;
const KB = (files: readonly JsFile[], k: 'bytes' | 'gzipBytes') => sum(files.map((f) => f[k])) / 1024;
const notYet = (reason: string): Result => ({ status: 'not measurable yet', reason, metrics: [], notes: [] });

export const browserColdStartSection: Section = {
  id: 'browser-cold-start',
  title: '4. Browser mode cold start',
  async run(ctx: BenchContext): Promise<Result> {
    let run: typeof import('../browser-run');
    let build: typeof import('../renderer-build');
    try {
      build = await import('../renderer-build');
      run = await import('../browser-run');
    } catch (e) {
      return notYet(
        `browser mode does not load (main/server/index.ts startWebServer): ${(e as Error).message.split('\n')[0]}`,
      );
    }
    const exe = run.findChromium();
    if (!exe) return notYet('no Chromium on this machine (set ONRAMP_BENCH_CHROMIUM to its path)');
    let r: Awaited<ReturnType<typeof build.buildRenderer>>;
    try {
      r = await build.buildRenderer();
    } catch (e) {
      return notYet((e as Error).message);
    }
    ctx.log(`renderer built in ${(r.buildMs / 1000).toFixed(1)} s`);
    const home = bareHome('onramp-bench-web-');
    const browser = await run.launchChromium(exe);
    try {
      const budget = build.jsBudget(r.dir);
      const inProc: number[] = [];
      const cold: number[] = [];
      const ready: number[] = [];
      const rssStart: number[] = [];
      const rssRender: number[] = [];
      const peak: number[] = [];
      const loadedGz: number[] = [];
      let loaded: JsFile[] = [];
      // one untimed warm-up: the browser's own first-page costs are not Onramp's
      await run.inProcessRun(browser, r.dir, home.env, home.work);
      for (let i = 0; i < ctx.runs; i++) {
        const a = await run.inProcessRun(browser, r.dir, home.env, home.work);
        const b = await run.childProcessRun(browser, r.dir, home.env, home.work);
        inProc.push(a.ms);
        cold.push(b.ms);
        ready.push(b.readyMs);
        rssStart.push(b.rssAfterStartKiB / 1024);
        rssRender.push(b.rssAfterRenderKiB / 1024);
        peak.push(b.peakKiB / 1024);
        loaded = a.js;
        loadedGz.push(KB(a.js, 'gzipBytes'));
        ctx.log(
          `browser run ${i + 1}/${ctx.runs}: in process ${a.ms.toFixed(0)} ms, new process ${b.ms.toFixed(0)} ms`,
        );
      }
      const baseline = (await run.baselineRssKiB(home.env, home.work)) / 1024;
      const xtermInitial =
        budget.initial.filter((f) => f.xterm).length + loaded.filter((f) => f.xterm).length;
      const xtermLazy = budget.lazy.filter((f) => f.xterm).map((f) => f.file);
      const load = `Chromium: headless, fresh context each run (cold cache, no cookie), one untimed warm-up page; ${cpus().length} cores.`;
      const metrics: Metric[] = [
        metric({
          id: 'web.in-process',
          label: 'startWebServer() → interactive (in process)',
          unit: 'ms',
          samples: inProc,
          target: { op: '<', value: 1000 },
          limit:
            'Token exchange and redirect, index.html, CSS, the entry chunk (parse + React mount), then the /api WebSocket; on this busy 2-core machine the page and the server share the cores.',
        }),
        metric({
          id: 'web.new-process',
          label: 'new server process → interactive (as `onramp web`)',
          unit: 'ms',
          samples: cold,
          target: { op: '<', value: 1000 },
          limit: `A new node process runs the TypeScript sources through tsx (transpiled on load) and imports the server, the dispatcher and every service before it listens (median ${stat(ready).median.toFixed(0)} ms until listening); the page then needs what the in-process run needs. A compiled build would not pay the transpiling.`,
        }),
        metric({
          id: 'web.initial-js',
          label: 'initial JS, gzipped (what index.html loads and preloads)',
          unit: 'KB',
          samples: [KB(budget.initial, 'gzipBytes')],
          target: { op: '<=', value: 350 },
          limit: 'The entry chunk holds React, the contract (zod schemas) and every non-terminal screen.',
        }),
        metric({
          id: 'web.new-process-ready',
          label: 'new server process → listening (node + tsx start, imports, startWebServer)',
          unit: 'ms',
          samples: ready,
        }),
        metric({
          id: 'web.loaded-js',
          label: 'JS the page fetched before interactive, gzipped',
          unit: 'KB',
          samples: loadedGz,
        }),
        metric({
          id: 'web.xterm-initial',
          label: 'initial JS files containing terminal (xterm) code',
          unit: 'count',
          samples: [xtermInitial],
          target: { op: '<=', value: 0 },
          limit: 'xterm is imported statically somewhere on the first screen’s import graph.',
        }),
        metric({
          id: 'web.rss-start',
          label: 'server process RSS after start',
          unit: 'MB',
          samples: rssStart,
        }),
        metric({
          id: 'web.rss-render',
          label: 'server process RSS after the first render',
          unit: 'MB',
          samples: rssRender,
        }),
        metric({ id: 'web.rss-peak', label: 'server process peak RSS (VmHWM)', unit: 'MB', samples: peak }),
        metric({
          id: 'web.rss-baseline',
          label: 'baseline: the same process loading nothing (node + tsx)',
          unit: 'MB',
          samples: [baseline],
        }),
      ];
      return {
        status: 'measured',
        metrics,
        notes: [
          `Renderer built from the working tree with renderer/vite.config.ts into a temp dir in ${(r.buildMs / 1000).toFixed(1)} s (dist/renderer left alone). ${load}`,
          `Initial JS: ${budget.initial.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(0)} KB → ${(f.gzipBytes / 1024).toFixed(1)} KB gz`).join('; ')}. Lazy chunks: ${budget.lazy.map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)} KB gz${f.xterm ? ' (xterm)' : ''}`).join('; ') || 'none'}. Terminal code lazy-loaded: ${xtermInitial === 0 && xtermLazy.length > 0 ? 'yes' : xtermLazy.length === 0 ? 'no xterm found in the build' : 'no'}.`,
          `RSS median after the first render ${stat(rssRender).median.toFixed(0)} MB, of which node + tsx alone ${baseline.toFixed(0)} MB; gzip at zlib's default level.`,
        ],
        raw: { budget, loaded },
      };
    } finally {
      await browser.close();
      home.cleanup();
      r.cleanup();
    }
  },
};
