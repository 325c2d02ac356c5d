/**
 * What keeps large datasets cheap in the page, in jsdom: the undated tray shows a first batch with a button for
 * more (the selected event always in reach); the overview draws one path per forum colour, not a shape per bar.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it } from 'vitest';
import UndatedTray from '../../src/components/timeline/UndatedTray.svelte';
import Overview from '../../src/components/timeline/Overview.svelte';
import { makeDataset, makeEvent } from '../../src/lib/dataset/fixture.ts';
import type { ContactEvent } from '../../src/lib/dataset/types.ts';
import { TimelineState, timelineContext } from '../../src/lib/state/timeline.svelte.ts';

function stateOf(events: ContactEvent[]) {
  const dataset = makeDataset({ events });
  dataset.documents[0]!.events = events.map((e) => e.id);
  return new TimelineState(dataset, 'en');
}

const undated = (i: number) =>
  makeEvent({ id: `u${String(i).padStart(4, '0')}`, date: { start: null, precision: 'unknown', basis: 'text' } });

describe('UndatedTray', () => {
  it('shows the first 60 undated events and a button for more, however many there are', async () => {
    const state = stateOf(Array.from({ length: 1000 }, (_, i) => undated(i)));
    const { container } = render(UndatedTray, { context: timelineContext(state) });
    await tick();
    expect(container.querySelectorAll('[data-event-id]')).toHaveLength(60);
    expect(screen.getByRole('heading').textContent).toContain('1000');
    await fireEvent.click(screen.getByRole('button', { name: 'show 300 more' }));
    expect(container.querySelectorAll('[data-event-id]')).toHaveLength(360);
  });

  it('keeps the selected event in reach when it is beyond the first batch', async () => {
    const state = stateOf(Array.from({ length: 200 }, (_, i) => undated(i)));
    state.select('u0150');
    const { container } = render(UndatedTray, { context: timelineContext(state) });
    await tick();
    const ids = [...container.querySelectorAll('[data-event-id]')].map((e) => e.getAttribute('data-event-id'));
    expect(ids).toHaveLength(61);
    expect(ids.at(-1)).toBe('u0150');
  });
});

describe('Overview', () => {
  it('draws one path per forum colour in use, whatever the number of months', async () => {
    const events = Array.from({ length: 240 }, (_, i) =>
      makeEvent({
        id: `e${i}`,
        date: {
          start: `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
          precision: 'month',
          basis: 'text',
        },
        forum: i % 2 ? 'sco' : null,
      }),
    );
    const state = stateOf(events);
    const { container } = render(Overview, { context: timelineContext(state) });
    await tick();
    const paths = [...container.querySelectorAll('svg > path')];
    expect(paths).toHaveLength(2); // bilateral and SCO
    // 120 months each: one closed sub-path per month bar.
    for (const p of paths) expect(p.getAttribute('d')!.match(/z/g)).toHaveLength(120);
  });
});
