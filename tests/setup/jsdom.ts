// The one place for jsdom shims, so component tests see the browser APIs our components rely on.
import '@testing-library/jest-dom/vitest';

class ResizeObserverShim {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverShim as unknown as typeof ResizeObserver;
