import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import App from './App.svelte';
import { makeDataset } from './lib/dataset/fixture.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});
// jsdom's browser language is English; the German UI is chosen through the URL, as a reader would.
beforeEach(() => history.replaceState(null, '', '/?lang=de'));

describe('App shell', () => {
  it('shows the title line computed from the loaded dataset', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(makeDataset()))),
    );
    render(App);
    expect(await screen.findByTestId('title-line')).toHaveTextContent('3 Kontakte aus 2 Artikeln, 2001–2025');
    expect(fetch).toHaveBeenCalledWith('data/contacts.json', expect.anything());
  });

  it('speaks English when the browser does and the URL says nothing', async () => {
    history.replaceState(null, '', '/');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(makeDataset()))),
    );
    render(App);
    expect(await screen.findByTestId('title-line')).toHaveTextContent('3 contacts from 2 articles, 2001–2025');
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
});
