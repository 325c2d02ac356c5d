import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { makeDataset } from './lib/dataset/fixture.ts';
import { LOAD_FAILURE_EVENT } from './lib/dom/load-failures.ts';
import { TimelineState } from './lib/state/timeline.svelte.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});
/** The page's fetch answers with the fixture dataset. */
function serveFixtureDataset() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(makeDataset()))),
  );
}

// jsdom's browser language is English; the German UI is chosen through the URL, as a reader would.
beforeEach(() => history.replaceState(null, '', '/?lang=de'));

describe('App shell', () => {
  it('shows the title line computed from the loaded dataset', async () => {
    serveFixtureDataset();
    render(App);
    expect(await screen.findByTestId('title-line')).toHaveTextContent('3 Kontakte aus 2 Artikeln, 2001–2025');
    expect(fetch).toHaveBeenCalledWith('data/contacts.json', expect.anything());
  });

  it('speaks English when the browser does and the URL says nothing', async () => {
    history.replaceState(null, '', '/');
    serveFixtureDataset();
    render(App);
    expect(await screen.findByTestId('title-line')).toHaveTextContent('3 contacts from 2 articles, 2001–2025');
  });

  it('says in the page language which parts of the address it ignored', async () => {
    history.replaceState(null, '', '/?lang=de&foo=1&lanes=diagonal');
    serveFixtureDataset();
    render(App);
    await screen.findByTestId('title-line');
    const notices = screen.getByText('Hinweise zur Adresse:').closest('[role="status"]');
    expect(notices).toHaveTextContent('Unbekannter Parameter „foo“ ignoriert.');
    expect(notices).toHaveTextContent('„lanes=diagonal“ ignoriert: erwartet forum, kind oder level.');
  });

  it('explains a broken dataset and offers a retry', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"truncated', { status: 200 })),
    );
    render(App);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('kein gültiges JSON');
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument();
  });

  it('says when a part of the page could not be loaded, offers a reload, and can be dismissed', async () => {
    serveFixtureDataset();
    render(App);
    await screen.findByTestId('title-line');
    expect(screen.queryByTestId('load-failure')).toBeNull();
    // What Vite's import helper dispatches when a lazily loaded chunk cannot be fetched.
    const failure = Object.assign(new Event(LOAD_FAILURE_EVENT, { cancelable: true }), {
      payload: new TypeError('Failed to fetch dynamically imported module'),
    });
    window.dispatchEvent(failure);
    const notice = await screen.findByTestId('load-failure');
    expect(notice).toHaveAttribute('role', 'alert');
    expect(notice).toHaveTextContent('Ein Teil der Seite konnte nicht geladen werden');
    expect(screen.getByRole('button', { name: 'Seite neu laden' })).toBeInTheDocument();
    expect(failure.defaultPrevented).toBe(false); // the import still fails, so its caller can tell
    await fireEvent.click(screen.getByRole('button', { name: 'Ausblenden' }));
    expect(screen.queryByTestId('load-failure')).toBeNull();
  });
});

describe('TimelineState search client', () => {
  it('notes when the search code cannot be fetched and tries again on the next use', async () => {
    let calls = 0;
    const state = new TimelineState(makeDataset(), 'de', null, async () => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return import('./lib/search/client.ts');
    });
    await expect(state.searchClient()).rejects.toThrow(/dynamically imported module/);
    expect(state.partsMissing).toBe(true);
    const client = await state.searchClient();
    expect((await client.search('Lawrow')).query).toBe('Lawrow');
    expect(calls).toBe(2);
    state.disposeSearch();
  });
});
