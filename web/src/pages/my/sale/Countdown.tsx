import { useEffect, useRef, useState } from 'react';

/** "12:05" or "1小时02分" left until `until`; "已截止" after it. */
export function remainingText(ms: number): string {
  if (ms <= 0) return '已截止';
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}小时${String(m).padStart(2, '0')}分`;
  return `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/**
 * Time left in a selection window. The server's clock decides (a pick after closesAt is
 * refused); this is a reading aid and ticks once a second.
 */
export function Countdown({ until, testId, onEnd }: { until?: string; testId?: string; onEnd?: () => void }) {
  const end = until ? Date.parse(until) : NaN;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!Number.isFinite(end)) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [end]);
  const left = end - now;
  const ended = Number.isFinite(end) && left <= 0;
  const fired = useRef(false);
  useEffect(() => {
    if (ended && !fired.current) {
      fired.current = true;
      onEnd?.();
    }
  }, [ended, onEnd]);
  if (!Number.isFinite(end)) return <span>—</span>;
  return (
    <span data-testid={testId} role="timer" aria-live="off" style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, color: left < 5 * 60_000 ? '#a8071a' : undefined }}>
      {remainingText(left)}
    </span>
  );
}
