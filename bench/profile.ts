/**
 * Summarise a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file
 * (node_modules packages grouped), so a benchmark report can say where the time goes.
 *
 *   node --import tsx bench/profile.ts /tmp/prof/CPU.*.cpuprofile [--top 30]
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Where a script URL belongs: a package under node_modules, a repo folder, or node internals. */
export function bucketOf(url: string): string {
  if (!url) return '(native/idle)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return `pkg:${m[1]}`;
  if (url.startsWith('node:')) return url;
  const r = /\/work\/main\/(.+)$/.exec(url.replace('file://', ''));
  return r ? r[1]!.split('/').slice(0, 3).join('/') : url;
}

/** Self time (ms) per function and per bucket. */
export function summariseProfile(p: Profile): { totalMs: number; byFunction: Array<[string, number]>; byBucket: Array<[string, number]> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const bucket = new Map<string, number>();
  for (const [id, us] of self) {
    const cf = byId.get(id)!.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\/work\/main\//, '')}:${cf.lineNumber + 1}`;
    fn.set(key, (fn.get(key) ?? 0) + us / 1000);
    const b = bucketOf(cf.url);
    bucket.set(b, (bucket.get(b) ?? 0) + us / 1000);
  }
  const sort = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs: (p.endTime - p.startTime) / 1000, byFunction: sort(fn), byBucket: sort(bucket) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 30;
  for (const f of files) {
    const s = summariseProfile(JSON.parse(readFileSync(f, 'utf8')) as Profile);
    const pct = (ms: number) => `${((ms / s.totalMs) * 100).toFixed(1).padStart(5)}%`;
    console.log(`\n${f}: ${(s.totalMs / 1000).toFixed(1)} s profiled`);
    console.log('-- self time by package/folder');
    for (const [k, v] of s.byBucket.slice(0, top)) console.log(`${pct(v)} ${v.toFixed(0).padStart(7)} ms  ${k}`);
    console.log('-- self time by function');
    for (const [k, v] of s.byFunction.slice(0, top)) console.log(`${pct(v)} ${v.toFixed(0).padStart(7)} ms  ${k}`);
  }
}
