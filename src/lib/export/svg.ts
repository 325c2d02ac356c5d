/**
 * A self-contained SVG of the current view: title, filter summary, axis, lanes, marks, legend, source line and
 * dataset date, with every style inline (no stylesheet, no fonts to fetch), so it opens the same in a browser and
 * in a vector editor. The PNG export draws this same SVG onto a canvas. Framework-free.
 */
import { EVENT_KINDS, type ContactEvent } from '../dataset/types.ts';
import { axisTicks } from '../timeline/axis.ts';
import { formatEventDate } from '../timeline/format.ts';
import { layoutTimeline } from '../timeline/layout.ts';
import { FORUM_COLORS, symbolPath } from '../timeline/palette.ts';
import { FORUM_LANES, type LaneMode, type TimelineItem } from '../timeline/types.ts';
import type { Language, Messages } from '../i18n/messages.ts';

export interface SvgExportInput {
  items: readonly TimelineItem[];
  undated: readonly ContactEvent[];
  laneMode: LaneMode;
  window: readonly [number, number];
  width: number;
  lang: Language;
  t: Messages;
  title: string;
  filterSummary: string;
  /** "Source: Contact Timeline – <url>" */
  sourceLine: string;
  dataDate: string | null;
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';
const INK = '#1b1f24';
const MUTED = '#57606a';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function timelineSvg(input: SvgExportInput): { svg: string; width: number; height: number } {
  const { t, lang, width } = input;
  const gutter = 110;
  const plotWidth = width - gutter - 16;
  const HEADER = 64;
  const AXIS = 26;
  const ROW = 24;
  const PAD = 8;
  const visibleIds = new Set<string>();
  for (const item of input.items)
    if (item.extent.end > input.window[0] && item.extent.start < input.window[1]) visibleIds.add(item.event.id);
  // Exports show every visible event on its own when that stays legible; beyond, clusters list their events.
  const layout = layoutTimeline(input.items, input.laneMode, input.window, plotWidth, {
    rowHeight: ROW,
    lanePadding: PAD,
    top: HEADER + AXIS,
    maxRows: 6,
    pinned: visibleIds.size <= 400 ? visibleIds : undefined,
  });
  const bandOf = new Map(layout.bands.map((b) => [b.key, b]));
  const chartBottom = HEADER + AXIS + Math.max(layout.height, ROW + 2 * PAD);
  const undatedTop = chartBottom + 16;
  const undatedHeight = input.undated.length ? 18 + input.undated.length * 16 : 0;
  const legendTop = undatedTop + undatedHeight + 10;
  const height = legendTop + 78;
  const out: string[] = [];
  const push = (s: string) => out.push(s);

  push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="11">`,
  );
  push(`<title>${escapeXml(input.title)}</title>`);
  push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  push(`<text x="16" y="26" font-size="18" font-weight="700" fill="${INK}">${escapeXml(input.title)}</text>`);
  push(
    `<text x="16" y="46" font-size="12" fill="${MUTED}">${escapeXml(input.filterSummary || t.resultCount(visibleIds.size + input.undated.length, visibleIds.size + input.undated.length))}</text>`,
  );

  layout.bands.forEach((band, i) => {
    if (i % 2) push(`<rect x="0" y="${band.y}" width="${width}" height="${band.height}" fill="#f6f8fa"/>`);
    const name = t.lanes[band.key] ?? t.kinds[band.key] ?? band.key;
    push(
      `<text x="16" y="${band.y + band.height / 2}" dy="0.35em" font-weight="600" fill="${MUTED}">${escapeXml(name)}</text>`,
    );
  });
  push(`<g transform="translate(${gutter},0)">`);
  for (const tick of axisTicks(input.window, plotWidth, lang)) {
    push(
      `<line x1="${r(tick.x)}" x2="${r(tick.x)}" y1="${HEADER + AXIS - 6}" y2="${chartBottom}" stroke="#d0d7de" stroke-width="${tick.major ? 1 : 0.5}"/>`,
    );
    push(
      `<text x="${r(tick.x + 3)}" y="${HEADER + AXIS - 10}" fill="${tick.major ? INK : MUTED}"${tick.major ? ' font-weight="600"' : ''}>${escapeXml(tick.label)}</text>`,
    );
  }
  for (const mark of layout.marks) {
    const band = bandOf.get(mark.lane);
    if (!band) continue;
    const y = band.y + PAD + mark.row * ROW + ROW / 2;
    if (mark.type === 'cluster') {
      const ids = mark.items.map((i) => i.event.id).join(' ');
      push(`<g data-event-ids="${escapeXml(ids)}"><title>${escapeXml(t.cluster(mark.items.length))}</title>`);
      push(`<circle cx="${r(mark.x)}" cy="${y}" r="10" fill="#ffffff" stroke="${MUTED}" stroke-width="1.5"/>`);
      push(
        `<text x="${r(mark.x)}" y="${y}" dy="0.35em" text-anchor="middle" font-size="10" font-weight="700" fill="${INK}">${mark.items.length}</text></g>`,
      );
      continue;
    }
    const { item } = mark;
    const colour = FORUM_COLORS[item.forumLane];
    const span = Math.max(mark.x1 - mark.x0, 0);
    const label = `${item.event.titles?.[lang] ?? item.event.title}, ${formatEventDate(item.event.date, lang)}, ${t.statuses[item.status]}`;
    push(`<g data-event-id="${escapeXml(item.event.id)}"><title>${escapeXml(label)}</title>`);
    if (item.range && span > 1)
      push(
        `<rect x="${r(mark.x0)}" y="${y - 3}" width="${r(span)}" height="6" rx="3" fill="${colour}" fill-opacity="0.45"/>`,
      );
    else if (item.precision === 'year' && span > 1)
      push(
        `<rect x="${r(mark.x0)}" y="${y - 9}" width="${r(span)}" height="18" fill="${colour}" fill-opacity="0.12"/>`,
      );
    else if (item.precision === 'month' && span > 1)
      push(`<path d="M${r(mark.x0)},${y + 4}v4h${r(span)}v-4" fill="none" stroke="${colour}" stroke-width="1.5"/>`);
    push(
      `<path d="${symbolPath(item.kind, 90)}" transform="translate(${r(mark.x)},${y})" ${symbolStyle(item.status, colour)}/>`,
    );
    push('</g>');
  }
  push('</g>');

  if (input.undated.length) {
    push(`<text x="16" y="${undatedTop + 10}" font-weight="600" fill="${MUTED}">${escapeXml(t.undated)}</text>`);
    input.undated.forEach((event, i) => {
      const y = undatedTop + 26 + i * 16;
      push(
        `<g data-event-id="${escapeXml(event.id)}"><path d="${symbolPath(event.kind, 50)}" transform="translate(22,${y - 4})" ${symbolStyle(event.status, FORUM_COLORS.other)}/>`,
      );
      push(`<text x="34" y="${y}" fill="${INK}">${escapeXml(event.titles?.[lang] ?? event.title)}</text></g>`);
    });
  }

  // Legend: forum colours, kinds, statuses.
  let x = 16;
  for (const lane of FORUM_LANES) {
    push(`<rect x="${x}" y="${legendTop}" width="10" height="10" rx="2" fill="${FORUM_COLORS[lane]}"/>`);
    push(`<text x="${x + 14}" y="${legendTop + 9}" fill="${INK}">${escapeXml(t.lanes[lane] ?? lane)}</text>`);
    x += 22 + (t.lanes[lane] ?? lane).length * 6.2;
  }
  x = 16;
  for (const kind of EVENT_KINDS) {
    push(`<path d="${symbolPath(kind, 50)}" transform="translate(${x + 5},${legendTop + 24})" fill="${INK}"/>`);
    push(`<text x="${x + 14}" y="${legendTop + 28}" fill="${INK}">${escapeXml(t.kinds[kind] ?? kind)}</text>`);
    x += 24 + (t.kinds[kind] ?? kind).length * 6.2;
  }
  x = 16;
  for (const status of ['reported', 'mentioned', 'planned'] as const) {
    push(
      `<path d="${symbolPath('meeting', 50)}" transform="translate(${x + 5},${legendTop + 42})" ${symbolStyle(status, INK)}/>`,
    );
    push(`<text x="${x + 14}" y="${legendTop + 46}" fill="${INK}">${escapeXml(t.statuses[status] ?? status)}</text>`);
    x += 24 + (t.statuses[status] ?? status).length * 6.2;
  }
  const dataLine = input.dataDate ? ` · ${lang === 'de' ? 'Datenstand' : 'Data as of'} ${input.dataDate}` : '';
  push(
    `<text x="16" y="${height - 10}" font-size="10" fill="${MUTED}" class="source-line">${escapeXml(input.sourceLine + dataLine)}</text>`,
  );
  push('</svg>');
  return { svg: out.join('\n'), width, height };
}

function symbolStyle(status: string, colour: string): string {
  if (status === 'reported') return `fill="${colour}" stroke="${INK}" stroke-opacity="0.35" stroke-width="1"`;
  const dash = status === 'planned' ? ' stroke-dasharray="2.5 2"' : '';
  return `fill="#ffffff" stroke="${colour}" stroke-width="2"${dash}`;
}

const r = (n: number) => Math.round(n * 10) / 10;
