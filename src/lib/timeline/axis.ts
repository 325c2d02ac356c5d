/** Ticks and labels of the time axis, and the "today" marker. Labels are formatted in UTC with fixed locale data. */
import { utcDay, utcTicks } from 'd3-time';
import dayjs from 'dayjs/esm/index.js';
import utc from 'dayjs/esm/plugin/utc/index.js';
import 'dayjs/esm/locale/de.js';

dayjs.extend(utc);

export interface AxisTick {
  t: number;
  x: number;
  label: string;
  /** A year boundary (a month boundary when the ticks are days): drawn bolder. */
  major: boolean;
}

const DAY = 86_400_000;

/**
 * Ticks for the window `domain` drawn across `width` px, about one per 90 px. The label format follows the tick
 * spacing: years; months (with the year on January and on the first tick, so every stretch is anchored); days.
 */
export function axisTicks(domain: readonly [number, number], width: number, lang: 'de' | 'en'): AxisTick[] {
  // d3-time's tick intervals without d3-scale's time scale, which would pull d3-time-format into the bundle for
  // labels we format with dayjs anyway.
  const [d0, d1] = domain;
  const start = new Date(d0);
  const stop = new Date(d1);
  const x = (t: number) => (d1 > d0 ? ((t - d0) / (d1 - d0)) * width : 0);
  let ticks = utcTicks(start, stop, Math.max(2, Math.floor(width / 90)));
  // Events are dated to the day at best, so hour ticks would only repeat the same day label.
  if (ticks.length > 1 && +ticks[1]! - +ticks[0]! < DAY) ticks = utcDay.range(start, new Date(d1 + 1));
  const step = ticks.length > 1 ? +ticks[1]! - +ticks[0]! : Infinity;
  const unit = step >= 365 * DAY ? 'year' : step >= 28 * DAY ? 'month' : 'day';
  return ticks.map((date, i) => {
    const d = dayjs.utc(+date).locale(lang);
    let label: string;
    let major: boolean;
    if (unit === 'year') {
      label = d.format('YYYY');
      major = d.month() === 0 && d.date() === 1;
    } else if (unit === 'month') {
      label = d.format(d.month() === 0 || i === 0 ? 'MMM YYYY' : 'MMM');
      major = d.month() === 0 && d.date() === 1;
    } else {
      label = d.format(lang === 'de' ? 'D. MMM' : 'D MMM');
      major = d.date() === 1;
    }
    return { t: +date, x: x(+date), label, major };
  });
}

/** Pixel x of `now` when it lies inside the window, else null (no marker). */
export function todayMarker(domain: readonly [number, number], width: number, now: number): number | null {
  const [d0, d1] = domain;
  if (!(now >= d0 && now <= d1) || d1 <= d0) return null;
  return ((now - d0) / (d1 - d0)) * width;
}
