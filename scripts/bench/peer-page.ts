/**
 * The benchmark's peer page: the same dataset JSON the app loads, drawn with vis-timeline (standalone ESM build) in
 * one group per forum lane. `?data=data/bench-N.json&cluster=1` turns on vis-timeline's clustering.
 * Exposes `window.__peer` so the benchmark can read the visible window. Bundled by ./peer.ts; never part of the app.
 */
import { Timeline } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import type { Dataset } from '../../src/lib/dataset/types.ts';

const LANES = ['bilateral', 'sco', 'brics', 'un', 'g20', 'apec', 'other'] as const;

interface PeerItem {
  id: string;
  group: string;
  start: number;
  end?: number;
  type: 'point' | 'range';
  content: string;
  title: string;
}

/** [start, end) in ms UTC for an ISO date at its precision; `last` = the end of that day/month/year instead. */
function edge(iso: string, last: boolean): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return Date.UTC(y, m! - 1, d + (last ? 1 : 0));
  if (m !== undefined) return Date.UTC(y, m - 1 + (last ? 1 : 0), 1);
  return Date.UTC(y + (last ? 1 : 0), 0, 1);
}

function toItems(data: Dataset): PeerItem[] {
  const items: PeerItem[] = [];
  for (const e of data.events) {
    const { start, end, precision } = e.date;
    if (start === null || precision === 'unknown') continue; // the app shows undated events outside the axis too
    const lane = e.forum === null ? 'bilateral' : String(data.entities.forums[e.forum]?.lane ?? 'other');
    const group = (LANES as readonly string[]).includes(lane) ? lane : 'other';
    const point = precision === 'day' && end === undefined;
    items.push({
      id: e.id,
      group,
      start: edge(start, false),
      end: point ? undefined : edge(end ?? start, true),
      type: point ? 'point' : 'range',
      content: '',
      title: e.title,
    });
  }
  return items;
}

async function main() {
  const params = new URLSearchParams(location.search);
  const url = params.get('data') ?? 'data/bench-1000.json';
  const cluster = params.get('cluster') === '1';
  const data = (await (await fetch(url, { cache: 'no-cache' })).json()) as Dataset;
  const items = toItems(data);
  const groups = LANES.map((id) => ({ id, content: id }));
  const container = document.getElementById('timeline')!;
  const timeline = new Timeline(container, items, groups, {
    height: '100%',
    stack: true,
    showTooltips: false,
    zoomMin: 86_400_000,
    ...(cluster ? { cluster: { maxItems: 1 } } : {}),
  });
  (window as unknown as { __peer: unknown }).__peer = {
    items: items.length,
    getWindow: () => {
      const w = timeline.getWindow();
      return [w.start.valueOf(), w.end.valueOf()];
    },
  };
}

void main();
