/**
 * Timeline components rendered in jsdom with a small dataset: marks per event, lanes, precision marks, clusters,
 * axis labels, the list and the detail panel.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import TimelineChart from '../../src/components/timeline/TimelineChart.svelte';
import EventList from '../../src/components/list/EventList.svelte';
import EventDetail from '../../src/components/detail/EventDetail.svelte';
import { makeDataset, makeEvent } from '../../src/lib/dataset/fixture.ts';
import type { ContactEvent, Dataset } from '../../src/lib/dataset/types.ts';
import { TimelineState, timelineContext } from '../../src/lib/state/timeline.svelte.ts';

const people = {
  lavrov: {
    name: 'Sergey Lavrov',
    labels: { de: 'Sergej Lawrow', en: 'Sergey Lavrov' },
    aliases: ['Lawrow'],
    roles: [{ role: 'foreign-minister', country: 'RU', from: '2004-03-09', to: null, level: 'foreign-minister' }],
  },
  'wang-yi': { name: 'Wang Yi', labels: { de: 'Wang Yi', en: 'Wang Yi' }, aliases: [], roles: [] },
};

function dataset(events: ContactEvent[]): Dataset {
  const base = makeDataset({ events });
  base.entities.people = people;
  base.entities.forums = { sco: { name: 'SCO', labels: { de: 'SOZ', en: 'SCO' }, aliases: [], lane: 'sco' } };
  base.entities.roles = {
    'foreign-minister': {
      name: 'foreign minister',
      labels: { de: 'Außenminister', en: 'Foreign Minister' },
      aliases: [],
    },
  };
  base.documents[0]!.events = events.map((e) => e.id);
  return base;
}

function mount(component: typeof TimelineChart, events: ContactEvent[], lang: 'de' | 'en' = 'de') {
  const state = new TimelineState(dataset(events), lang);
  const result = render(component, { context: timelineContext(state) });
  return { state, ...result };
}

const day = (id: string, start: string, extra: Partial<ContactEvent> = {}) =>
  makeEvent({ id, date: { start, precision: 'day', basis: 'text' }, ...extra });

describe('TimelineChart', () => {
  it('draws one mark per event with a stable data-event-id, and labels only the lanes in use', async () => {
    const { container } = mount(TimelineChart, [
      day('a', '2019-06-05'),
      day('b', '2021-07-16', { forum: 'sco' }),
      makeEvent({ id: 'c', date: { start: '2023', precision: 'year', basis: 'text' } }),
    ]);
    await tick();
    await tick();
    const ids = [...container.querySelectorAll('[data-event-id]')].map((e) => e.getAttribute('data-event-id'));
    expect(ids.sort()).toEqual(['a', 'b', 'c']);
    const lanes = [...container.querySelectorAll('.lane-label')].map((e) => e.textContent);
    expect(lanes).toEqual(['Bilateral', 'SOZ']);
  });

  it('shows date precision: a point for a day, a bracket for a month, a band for a year, a bar for a range', async () => {
    const { container } = mount(TimelineChart, [
      day('d', '2021-03-10'),
      makeEvent({ id: 'm', date: { start: '2021-07', precision: 'month', basis: 'header' } }),
      makeEvent({ id: 'y', date: { start: '2019', precision: 'year', basis: 'text' } }),
      makeEvent({
        id: 'r',
        kind: 'visit',
        date: { start: '2023-03-20', end: '2023-03-22', precision: 'day', basis: 'text' },
      }),
    ]);
    await tick();
    await tick();
    const mark = (id: string) => container.querySelector(`[data-event-id="${id}"]`)!;
    expect(mark('d').querySelector('.bracket, .year, .range')).toBeNull();
    expect(mark('m').querySelector('.bracket')).not.toBeNull();
    expect(mark('y').querySelector('.year')).not.toBeNull();
    expect(mark('r').classList.contains('precision-day')).toBe(true);
    // A three-day range is a bar only when zoomed in far enough to be wider than a pixel: zoom in.
    expect(mark('m').classList.contains('precision-month')).toBe(true);
  });

  it('styles status: reported solid, mentioned hollow, planned dashed', async () => {
    const { container } = mount(TimelineChart, [
      day('a', '2019-06-05'),
      day('b', '2020-06-05', { status: 'mentioned' }),
      day('c', '2021-06-05', { status: 'planned' }),
    ]);
    await tick();
    await tick();
    const classes = ['a', 'b', 'c'].map((id) =>
      container.querySelector(`[data-event-id="${id}"]`)!.getAttribute('class'),
    );
    expect(classes.map((c) => c!.match(/status-(\w+)/)![1])).toEqual(['reported', 'mentioned', 'planned']);
  });

  it('groups crowded events into a cluster with its count, but never hides the selected event', async () => {
    const events = Array.from({ length: 12 }, (_, i) =>
      day(`e${i}`, `2021-07-${String(10 + (i % 3)).padStart(2, '0')}`),
    );
    events.push(day('far', '2010-01-01'));
    const { container, state } = mount(TimelineChart, events);
    await tick();
    await tick();
    const cluster = container.querySelector('.cluster')!;
    expect(cluster).not.toBeNull();
    expect(cluster.getAttribute('aria-label')).toMatch(/^\d+ Kontakte/);
    expect(container.querySelector('[data-event-id="e5"]')).toBeNull();
    state.select('e5');
    await tick();
    expect(container.querySelector('[data-event-id="e5"]')).not.toBeNull();
  });

  it('labels the axis in the UI language', async () => {
    const events = [day('a', '2021-01-10'), day('b', '2021-12-20')];
    const de = mount(TimelineChart, events, 'de');
    await tick();
    await tick();
    const deLabels = [...de.container.querySelectorAll('.tick')].map((t) => t.textContent);
    de.unmount();
    const en = mount(TimelineChart, events, 'en');
    await tick();
    await tick();
    const enLabels = [...en.container.querySelectorAll('.tick')].map((t) => t.textContent);
    expect(deLabels).toContain('März');
    expect(enLabels).toContain('Mar');
  });

  it('moves chronologically with the arrow keys and opens with Enter', async () => {
    const { container, state } = mount(TimelineChart, [
      day('a', '2019-06-05'),
      day('b', '2020-06-05'),
      day('c', '2021-06-05'),
    ]);
    await tick();
    const chart = container.querySelector('[role="listbox"]')!;
    await fireEvent.keyDown(chart, { key: 'Home' });
    await fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(state.activeId).toBe('b');
    await fireEvent.keyDown(chart, { key: 'Enter' });
    expect(state.selectedId).toBe('b');
    await tick();
    expect(chart.getAttribute('aria-activedescendant')).toBe('mark-b');
    await fireEvent.keyDown(chart, { key: 'Escape' });
    expect(state.selectedId).toBeNull();
  });
});

describe('EventList', () => {
  it('groups events by year and selects on click', async () => {
    const { state } = mount(EventList as unknown as typeof TimelineChart, [
      day('a', '2019-06-05'),
      day('b', '2021-06-05'),
      makeEvent({ id: 'u', date: { start: null, precision: 'unknown', basis: 'text' } }),
    ]);
    await tick();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['2019', '2021', 'Ohne Datum']);
    await fireEvent.click(screen.getAllByRole('button').find((b) => b.dataset.eventId === 'b')!);
    expect(state.selectedId).toBe('b');
  });
});

describe('EventList hover', () => {
  it('follows the event in the row under a resting pointer when a filter changes what the row shows', async () => {
    const { state, container } = mount(EventList as unknown as typeof TimelineChart, [
      day('a', '2021-06-05', { kind: 'meeting' }),
      day('b', '2021-06-06', { kind: 'phone-call' }),
    ]);
    await tick();
    const first = container.querySelector<HTMLElement>('.rows button[data-event-id="a"]')!;
    await fireEvent.pointerEnter(first);
    expect(state.hoveredId).toBe('a');
    state.setFilters({ kind: ['phone-call'] });
    await tick();
    // Rows are keyed by position: the same button now stands for b, and the hover with it.
    expect(first.dataset.eventId).toBe('b');
    expect(state.hoveredId).toBe('b');
    await fireEvent.pointerLeave(first);
    expect(state.hoveredId).toBeNull();
  });
});

describe('EventList with many events', () => {
  it('renders only the rows in view, and the rest as the reader scrolls', async () => {
    const events = Array.from({ length: 600 }, (_, i) =>
      day(
        `e${String(i).padStart(3, '0')}`,
        `20${String(10 + Math.floor(i / 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      ),
    );
    const { container } = mount(EventList as unknown as typeof TimelineChart, events);
    await tick();
    const rendered = () => container.querySelectorAll('.rows button[data-event-id]').length;
    expect(rendered()).toBeGreaterThan(5);
    expect(rendered()).toBeLessThan(100);
    const viewport = container.querySelector<HTMLElement>('.viewport')!;
    viewport.scrollTop = 20_000;
    await fireEvent.scroll(viewport);
    await tick();
    const ids = [...container.querySelectorAll('.rows button[data-event-id]')].map((b) =>
      b.getAttribute('data-event-id'),
    );
    expect(ids).not.toContain('e000');
    expect(ids.length).toBeLessThan(100);
  });
});

describe('EventList with a short list', () => {
  it('draws the rows in view at once and the others while the page is idle; a new list starts over', async () => {
    const events = Array.from({ length: 120 }, (_, i) =>
      day(`s${String(i).padStart(3, '0')}`, `2015-0${1 + (i % 9)}-1${i % 10}`, {
        status: i % 2 ? 'mentioned' : 'reported',
      }),
    );
    const { container, state } = mount(EventList as unknown as typeof TimelineChart, events);
    await tick();
    const rows = () => container.querySelectorAll('.rows button[data-event-id]').length;
    const busy = () => container.querySelector('.rows')!.getAttribute('aria-busy');
    expect(rows()).toBeGreaterThan(3);
    expect(rows()).toBeLessThan(30);
    expect(busy()).toBe('true');
    await vi.waitFor(() => expect(rows()).toBe(120), { timeout: 5_000 });
    expect(busy()).toBe('false');
    // A search or filter makes a new list: only its rows in view are drawn with it.
    state.setFilters({ status: ['mentioned'] });
    await tick();
    expect(rows()).toBeLessThan(30);
    expect(busy()).toBe('true');
    await vi.waitFor(() => expect(rows()).toBe(60), { timeout: 5_000 });
    expect(busy()).toBe('false');
  });
});

describe('EventDetail', () => {
  it('shows the date at its precision, roles at that date, quotes with speakers and highlighted evidence', async () => {
    const text = 'Bei einem Treffen haben Lawrow und Wang Yi beraten.';
    const event = makeEvent({
      id: 'x',
      participants: ['lavrov', 'wang-yi'],
      quotes: [{ speaker: 'wang-yi', text: 'Wir werden zusammenarbeiten.', document: 'doc-a', span: [0, 5] }],
      sources: [
        {
          document: 'doc-a',
          status: 'reported',
          evidence: [{ field: 'participants', span: [0, text.length], match: [24, 30] }],
        },
      ],
      related: ['y'],
    });
    const other = makeEvent({
      id: 'y',
      title: 'Recalled summit',
      date: { start: '2001', precision: 'year', basis: 'text' },
      status: 'mentioned',
    });
    const data = dataset([event, other]);
    data.documents[0]!.text = text;
    const state = new TimelineState(data, 'de');
    render(EventDetail, { props: { event, onclose: () => {} }, context: timelineContext(state) });
    const panel = screen.getByTestId('event-detail');
    expect(panel).toHaveTextContent('Juli 2021');
    expect(panel).toHaveTextContent('Sergej Lawrow – Außenminister');
    expect(panel).toHaveTextContent('„Wir werden zusammenarbeiten.“');
    expect(within(panel).getByText('– Wang Yi')).toBeInTheDocument();
    expect(panel.querySelector('mark')!.textContent).toBe('Lawrow');
    await fireEvent.click(within(panel).getByRole('button', { name: /Recalled summit/ }));
    expect(state.selectedId).toBe('y');
  });
});
