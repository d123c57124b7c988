/**
 * Runs the QLOT-1 verification off the page's thread (a million entrants take a few seconds of
 * hashing), posting progress and then the report.
 */
import { verifyQlot1 } from './qlot1/verify';

/** Message to the worker: the two files' bytes. */
export interface VerifyRequest { tsv: ArrayBuffer; json: ArrayBuffer }

const scope = self as unknown as { onmessage: ((e: MessageEvent<VerifyRequest>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (e) => {
  try {
    let last = 0;
    const report = verifyQlot1(new Uint8Array(e.data.tsv), new Uint8Array(e.data.json), (p) => {
      const now = Date.now();
      if (now - last < 50 && p.done < p.total) return;
      last = now;
      scope.postMessage({ type: 'progress', ...p });
    });
    scope.postMessage({ type: 'done', report });
  } catch (err) {
    scope.postMessage({ type: 'error', message: (err as Error).message });
  }
};
