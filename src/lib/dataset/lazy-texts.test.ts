import { describe, expect, it, vi } from 'vitest';
import { makeDataset, makeDocument, makeEvent } from './fixture.ts';
import { lazyTextSource } from './lazy-texts.ts';
import type * as TextsModule from './texts.ts';

const dataset = makeDataset({
  documents: [{ ...makeDocument('doc-a'), text: 'Lawrow traf Wang Yi.' }],
  events: [makeEvent({ id: 'e1', sources: [{ document: 'doc-a', status: 'reported', evidence: [] }] })],
});

describe('lazyTextSource', () => {
  it('loads the text source code on first use, once, and answers like it', async () => {
    const load = vi.fn(() => import('./texts.ts'));
    const texts = lazyTextSource('data/contacts.json', dataset, load);
    expect(load).not.toHaveBeenCalled();
    expect(texts.peek('doc-a')).toBeUndefined(); // nothing at hand before the code is there
    const [a, b] = await Promise.all([texts.documentOf('doc-a'), texts.documentOf('missing')]);
    expect(a?.text).toBe('Lawrow traf Wang Yi.');
    expect(b).toBeNull();
    expect(texts.peek('doc-a')).toBe(a);
    expect(load).toHaveBeenCalledOnce();
  });

  it('preload makes peek answer without a request for the text', async () => {
    const texts = lazyTextSource('data/contacts.json', dataset);
    await texts.preload();
    expect(texts.peek('doc-a')?.text).toBe('Lawrow traf Wang Yi.');
  });

  it('tries the download again after it failed', async () => {
    const load = vi
      .fn<() => Promise<typeof TextsModule>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockImplementation(() => import('./texts.ts'));
    const texts = lazyTextSource('data/contacts.json', dataset, load);
    await expect(texts.documentOf('doc-a')).rejects.toThrow('offline');
    await expect(texts.documentOf('doc-a')).resolves.toMatchObject({ text: 'Lawrow traf Wang Yi.' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
