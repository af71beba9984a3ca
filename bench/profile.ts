// `npm run bench -- profile`: where the time goes under load. For each request, steady load (20 connections,
// BENCH_DURATION s) through our gateway, then through Hive Gateway, while every process of the stack records a V8 CPU
// profile (bench/tap.ts); prints, per process, the share of its CPU samples by package (the layer) and the top
// self-time functions. The .cpuprofile files are kept in BENCH_PROFILE_DIR (default: a new temporary folder) for
// Chrome DevTools.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DURATION, loadRound } from './load';
import { GATEWAY_REQUESTS } from './queries';
import { profile, type Stack } from './stack';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** The layer a function belongs to: its npm package, Node's own module, or our file. */
export function layerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : `(native) ${fn || 'anonymous'}`;
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    // graphql-js: which phase matters (parse, validate, execute).
    return pkg === 'graphql' ? `graphql/${parts[1]}` : pkg;
  }
  if (url.startsWith('node:')) {
    const m = /^node:(internal\/)?(deps\/)?([^/]+)/.exec(url);
    return `node:${m?.[3] ?? url}`;
  }
  const ours = /dist\/(.*)\.js$/.exec(url);
  return ours ? `ours: ${ours[1]}` : url;
}

export function summarise(file: string, top = 12): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  // The first sample's delta runs from when the profiler was enabled, not a sampling interval: left out.
  p.samples.forEach((id, i) => i > 0 && self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const layers = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    const layer = layerOf(url, functionName);
    layers.set(layer, (layers.get(layer) ?? 0) + us);
    const file = url.includes('node_modules/') ? url.replace(/^.*node_modules\//, '') : url.replace(/^.*\/dist\//, '');
    const where = url ? `${file}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const total = p.timeDeltas.slice(1).reduce((a, b) => a + b, 0);
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `      ${pct(us)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return [
    `    busy ${(busy / 1000).toFixed(0)} ms of ${(total / 1000).toFixed(0)} ms sampled (${((100 * busy) / total).toFixed(0)}% of one core)`,
    `    by layer (self time):\n${list(layers)}`,
    `    top functions (self time):\n${list(functions)}`,
  ].join('\n');
}

export async function profileUnderLoad(stack: Stack, hiveUrl: string): Promise<void> {
  const keep = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'hub-profiles-'));
  mkdirSync(keep, { recursive: true });
  const connections = Number(process.env.BENCH_PROFILE_CONNECTIONS ?? 20);
  const only = process.env.BENCH_PROFILE_REQUESTS?.split(',');
  for (const request of GATEWAY_REQUESTS.filter((r) => !only || only.includes(r.key))) {
    const body = JSON.stringify({ query: request.query, variables: request.variables });
    for (const [name, url, gatewayService] of [
      ['ours', stack.url, 'gateway'],
      ['Hive', hiveUrl, 'hive'],
    ] as const) {
      const expected = await (
        await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      ).text();
      await loadRound(url, body, expected, connections, 2); // warm-up, not profiled
      let rps = 0;
      let failures = '';
      const files = await profile(
        stack.tapDir,
        [gatewayService, 'registry', 'directives', 'plans', 'reports'],
        async () => {
          const r = await loadRound(url, body, expected, connections, DURATION);
          rps = r.rps;
          const bad = r.errors.errors + r.errors.timeouts + r.errors.non2xx + r.errors.mismatches;
          if (bad) failures = `  FAILURES ${JSON.stringify(r.errors)}`;
        },
      );
      console.log(
        `\n[profile] ${request.label} through ${name}, c=${connections}, ${DURATION} s: ${rps.toFixed(1)} RPS${failures}`,
      );
      for (const file of files) {
        const service = path.basename(file, '.cpuprofile');
        const kept = path.join(keep, `${request.key}-${name}-${service}.cpuprofile`);
        copyFileSync(file, kept);
        console.log(`  ${service} (${kept})\n${summarise(file)}`);
      }
    }
  }
}
