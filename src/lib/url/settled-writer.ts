/**
 * Writes a value once changes pause: `offer` keeps only the latest value and writes it `settleMs` after the last
 * offer, but never later than `maxWaitMs` after the first unwritten one (a long gesture still updates now and then).
 * `flush` writes at once; `cancel` drops what is pending. Framework-free; the clock and timers can be injected.
 */
export interface SettledWriter<T> {
  offer(value: T): void;
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
}

export interface SettledWriterOptions {
  settleMs: number;
  maxWaitMs: number;
  now?: () => number;
}

export function settledWriter<T>(write: (value: T) => void, options: SettledWriterOptions): SettledWriter<T> {
  const now = options.now ?? (() => performance.now());
  let value: { v: T } | null = null;
  let since = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    stop();
    const held = value;
    value = null;
    if (held) write(held.v);
  };
  return {
    offer(v) {
      const t = now();
      if (!value) since = t;
      value = { v };
      stop();
      timer = setTimeout(flush, Math.max(0, Math.min(options.settleMs, since + options.maxWaitMs - t)));
    },
    flush,
    cancel() {
      stop();
      value = null;
    },
    get pending() {
      return value !== null;
    },
  };
}
