// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeSize } from './element-size.ts';

/** A ResizeObserver double: records what it observes and lets a test fire its callback. */
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: () => void) {
    FakeResizeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
}

/** An element whose clientWidth/clientHeight is `size.px`, counting the reads (each would be a layout in a browser). */
function sizedElement(size: { px: number; reads: number }): HTMLElement {
  const el = document.createElement('div');
  const get = () => {
    size.reads++;
    return size.px;
  };
  Object.defineProperty(el, 'clientWidth', { get });
  Object.defineProperty(el, 'clientHeight', { get });
  return el;
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('observeSize', () => {
  const original = globalThis.ResizeObserver;
  beforeEach(() => {
    FakeResizeObserver.all = [];
    globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  });
  afterEach(() => {
    globalThis.ResizeObserver = original;
  });

  it('reads the elements mounted together in one go, after the code that mounted them', async () => {
    const a = { px: 800, reads: 0 };
    const b = { px: 300, reads: 0 };
    const seen: string[] = [];
    observeSize(sizedElement(a), 'clientWidth', (px) => seen.push(`a ${px}`));
    // Mounting goes on: nothing has been read yet, so no layout was forced in between.
    expect(a.reads).toBe(0);
    observeSize(sizedElement(b), 'clientHeight', (px) => seen.push(`b ${px}`));
    expect(seen).toEqual([]);
    await tick();
    expect(seen).toEqual(['a 800', 'b 300']);
    expect([a.reads, b.reads]).toEqual([1, 1]);
  });

  it('follows later changes through its ResizeObserver', async () => {
    const a = { px: 800, reads: 0 };
    const el = sizedElement(a);
    const set = vi.fn();
    observeSize(el, 'clientWidth', set);
    await tick();
    const observer = FakeResizeObserver.all[0]!;
    expect(observer.observed).toEqual([el]);
    a.px = 640;
    observer.callback();
    expect(set.mock.calls).toEqual([[800], [640]]);
  });

  it('stops, pending first read included, when cleaned up', async () => {
    const a = { px: 800, reads: 0 };
    const set = vi.fn();
    const stop = observeSize(sizedElement(a), 'clientWidth', set);
    stop();
    await tick();
    FakeResizeObserver.all[0]!.callback();
    expect(set).not.toHaveBeenCalled();
    expect(FakeResizeObserver.all[0]!.disconnected).toBe(true);
  });

  it('starts a new batch for elements mounted later', async () => {
    const a = { px: 1, reads: 0 };
    const b = { px: 2, reads: 0 };
    const set = vi.fn();
    observeSize(sizedElement(a), 'clientWidth', set);
    await tick();
    observeSize(sizedElement(b), 'clientWidth', set);
    await tick();
    expect(set.mock.calls).toEqual([[1], [2]]);
  });
});
