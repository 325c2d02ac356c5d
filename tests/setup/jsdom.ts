// The one place for jsdom shims, so component tests see the browser APIs our components rely on.
import '@testing-library/jest-dom/vitest';
import { afterAll } from 'vitest';
import { loadInteraction } from '../../src/components/timeline/interaction.ts';
import { LANGUAGES, loadMessages } from '../../src/lib/i18n/messages.ts';

// The app loads interface texts per language before showing them (src/mount-app.ts); components mounted on their own
// find both loaded.
await Promise.all(LANGUAGES.map(loadMessages));

// Every mounted chart and overview starts loading d3's zoom and brush code; a test file must not end (and tear its
// environment down) while that import is still on its way.
afterAll(async () => {
  await loadInteraction();
});

// Calls back once on observe (as browsers do after the next layout), when observeSize (src/lib/dom) reads again.
class ResizeObserverShim {
  constructor(private callback: ResizeObserverCallback) {}
  observe(target: Element) {
    queueMicrotask(() => this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver));
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverShim as unknown as typeof ResizeObserver;

// jsdom does no layout: give elements a width so charts sized with observeSize have room to draw. A test can
// choose another width with data-test-width on an ancestor.
Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
  configurable: true,
  get(this: HTMLElement) {
    const sized = this.closest<HTMLElement>('[data-test-width]');
    return Number(sized?.dataset.testWidth ?? 1000);
  },
});
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 480 });
