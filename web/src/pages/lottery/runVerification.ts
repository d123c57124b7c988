/**
 * Fetches or reads the two files and verifies them in a Web Worker (verify.worker.ts), reporting
 * the phase for the progress bar. Without Worker support it verifies on the page's thread.
 */
import { type Report, verifyQlot1 } from './qlot1/verify';

/** What is happening, for the progress bar (percent of the whole job). */
export interface Phase { text: string; percent: number }

type Source = { urls: { tsv: string; json: string } } | { files: { tsv: File; json: File } };

async function download(url: string, name: string, onPhase: (p: Phase) => void, base: number): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`下载 ${name} 失败（HTTP ${res.status}）`);
  const total = Number(res.headers.get('content-length') ?? 0);
  if (!res.body || !total) return res.arrayBuffer();
  const reader = res.body.getReader();
  const out = new Uint8Array(total);
  let got = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (got + value.length > out.length) throw new Error(`${name} 的大小与声明不符`);
    out.set(value, got);
    got += value.length;
    onPhase({ text: `正在下载 ${name}（${(got / 1048576).toFixed(1)} / ${(total / 1048576).toFixed(1)} MB）`, percent: base + (got / total) * 10 });
  }
  return out.buffer.slice(0, got);
}

/** Runs the whole verification and resolves with the report. */
export async function runVerification(source: Source, onPhase: (p: Phase) => void): Promise<Report> {
  let tsv: ArrayBuffer, json: ArrayBuffer;
  if ('urls' in source) {
    tsv = await download(source.urls.tsv, 'entrants.tsv', onPhase, 0);
    json = await download(source.urls.json, 'lottery.json', onPhase, 10);
  } else {
    onPhase({ text: '正在读取文件', percent: 10 });
    [tsv, json] = await Promise.all([source.files.tsv.arrayBuffer(), source.files.json.arrayBuffer()]);
  }
  onPhase({ text: '正在核对名单摘要（第 1 项）', percent: 20 });
  if (typeof Worker === 'undefined') return verifyQlot1(new Uint8Array(tsv), new Uint8Array(json));
  const worker = new Worker(new URL('./verify.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<Report>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent) => {
        const m = e.data as { type: string; step?: number; label?: string; done?: number; total?: number; report?: Report; message?: string };
        if (m.type === 'done') resolve(m.report!);
        else if (m.type === 'error') reject(new Error(m.message));
        else if (m.step === 1) onPhase({ text: '正在计算 entrants.tsv 的 SHA-256（第 1 项）', percent: 20 + (m.done! / Math.max(1, m.total!)) * 10 });
        else onPhase({ text: `正在重新计算 ${m.label} 池的排序（第 4 项）：${m.done!.toLocaleString('zh-CN')} / ${m.total!.toLocaleString('zh-CN')}`, percent: 30 + (m.done! / Math.max(1, m.total!)) * 70 });
      };
      worker.onerror = (e) => reject(new Error(e.message || '验证程序出错'));
      worker.postMessage({ tsv, json }, [tsv, json]);
    });
  } finally {
    worker.terminate();
  }
}
