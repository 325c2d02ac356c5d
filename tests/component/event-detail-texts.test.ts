/**
 * The detail panel with article texts and evidence in chunk files: a short status while the chunk loads, then the
 * evidence from the chunk as with inline texts; an actionable message in place of the evidence when the chunk cannot
 * be used.
 */
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import EventDetail from '../../src/components/detail/EventDetail.svelte';
import { textSourceContext } from '../../src/components/detail/text-source.ts';
import { makeDataset, makeEvent } from '../../src/lib/dataset/fixture.ts';
import { createTextSource } from '../../src/lib/dataset/texts.ts';
import {
  SCHEMA_VERSION,
  type ContactEvent,
  type Dataset,
  type StoredDataset,
  type TextChunk,
} from '../../src/lib/dataset/types.ts';
import { TimelineState, timelineContext } from '../../src/lib/state/timeline.svelte.ts';

const TEXT = 'Am Dienstag trafen sich Lawrow und Wang Yi in Taschkent.';
const CHUNK_URL = 'http://localhost/data/contacts.texts/2021-0a1b2c3d.json';

function setup(lang: 'de' | 'en', respond: () => Promise<Response>) {
  // As the dataset file stores it: the source names its document and status, the evidence is in the chunk.
  const event = makeEvent({ id: 'x', sources: [{ document: 'doc-a', status: 'reported', evidence: [] }] });
  const base = makeDataset({ events: [event] });
  const stored: StoredDataset = {
    ...base,
    events: [{ ...event, sources: [{ document: 'doc-a', status: 'reported' }] }],
    documents: base.documents.map(({ text: _text, ...d }) => ({
      ...d,
      events: d.id === 'doc-a' ? ['x'] : [],
      textFile: 'contacts.texts/2021-0a1b2c3d.json',
    })),
  };
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const fetchFn = vi.fn(async () => {
    await gate;
    return respond();
  });
  const texts = createTextSource('data/contacts.json', stored, { fetch: fetchFn, base: 'http://localhost/' });
  // The timeline state never reads texts (see load.ts): the stored dataset stands in for a compiled one.
  const state = new TimelineState(stored as Dataset, lang);
  render(EventDetail, {
    props: { event: stored.events[0] as ContactEvent, onclose: () => {} },
    context: new Map<symbol, unknown>([...timelineContext(state), ...textSourceContext(texts)]),
  });
  return { fetchFn, release, panel: screen.getByTestId('event-detail') };
}

describe('EventDetail with texts in chunk files', () => {
  it('shows a status while the chunk loads, then the evidence from the chunk with its marked words', async () => {
    const chunk: TextChunk = {
      schemaVersion: SCHEMA_VERSION,
      texts: { 'doc-a': TEXT, 'doc-b': '…' },
      evidence: { 'doc-a': { x: [{ field: 'participants', span: [0, TEXT.length], match: [24, 30] }] } },
    };
    const { fetchFn, release, panel } = setup('de', async () => new Response(JSON.stringify(chunk)));
    expect(within(panel).getByRole('status')).toHaveTextContent('Belegsätze werden geladen');
    expect(panel).toHaveTextContent('Teilnehmende'); // the rest of the panel is there at once
    release();
    expect(await within(panel).findByText('Lawrow')).toBeInTheDocument();
    expect(panel.querySelector('mark')!.textContent).toBe('Lawrow');
    expect(panel.querySelector('.evidence')).toHaveTextContent(TEXT);
    expect(panel.querySelector('.evidence .fields')).toHaveTextContent('Teilnehmende');
    expect(within(panel).queryByRole('status')).toBeNull();
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(fetchFn).toHaveBeenCalledWith(CHUNK_URL, expect.anything());
  });

  it('explains a chunk without the evidence the dataset file left to it', async () => {
    const chunk = { schemaVersion: SCHEMA_VERSION, texts: { 'doc-a': TEXT, 'doc-b': '…' }, evidence: {} };
    const { release, panel } = setup('en', async () => new Response(JSON.stringify(chunk)));
    release();
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('The evidence sentences could not be loaded.');
    expect(alert).toHaveTextContent(`${CHUNK_URL}: evidence: missing doc-a → x; the chunk does not belong`);
  });

  it('explains a chunk that cannot be fetched, in the UI language, and keeps the rest of the panel', async () => {
    const { release, panel } = setup('en', async () => new Response('gone', { status: 404, statusText: 'Not Found' }));
    release();
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('The evidence sentences could not be loaded.');
    expect(alert).toHaveTextContent('npm run build:data');
    expect(alert).toHaveTextContent(`${CHUNK_URL}: 404 Not Found`);
    expect(panel).toHaveTextContent('Tashkent');
    expect(within(panel).queryByRole('status')).toBeNull();
  });
});
