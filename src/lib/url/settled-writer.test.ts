import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settledWriter } from './settled-writer.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function writer() {
  const written: string[] = [];
  const w = settledWriter<string>((v) => written.push(v), { settleMs: 300, maxWaitMs: 1000, now: () => Date.now() });
  return { w, written };
}

describe('settledWriter', () => {
  it('writes only the last of a burst, once the burst pauses', () => {
    const { w, written } = writer();
    for (const v of ['a', 'b', 'c']) {
      w.offer(v);
      vi.advanceTimersByTime(100);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(written).toEqual(['c']);
    expect(w.pending).toBe(false);
  });

  it('still writes during a long gesture: at the latest maxWaitMs after the first unwritten change', () => {
    const { w, written } = writer();
    for (let i = 0; i < 20; i++) {
      w.offer(`v${i}`);
      vi.advanceTimersByTime(60); // a wheel step every 60 ms never pauses for 300 ms
    }
    // 1,200 ms of steps: one write at ~1,000 ms with the value offered last before it.
    expect(written).toEqual(['v16']);
    vi.advanceTimersByTime(300);
    expect(written).toEqual(['v16', 'v19']);
  });

  it('flush writes at once and cancel drops', () => {
    const { w, written } = writer();
    w.offer('x');
    w.flush();
    expect(written).toEqual(['x']);
    w.flush();
    expect(written).toEqual(['x']); // nothing pending: nothing written twice
    w.offer('y');
    w.cancel();
    vi.advanceTimersByTime(5000);
    expect(written).toEqual(['x']);
  });
});
