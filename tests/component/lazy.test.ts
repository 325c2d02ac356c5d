/** Lazy renders a component once its code arrives, and nothing (no uncaught error) when the code cannot be fetched. */
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Lazy from '../../src/components/Lazy.svelte';

describe('Lazy', () => {
  it('renders the loaded component with the props it was given', async () => {
    render(Lazy, {
      load: () => import('../../src/components/LoadFailureNotice.svelte'),
      timeline: { partsMissing: true, t: { partsMissing: 'part missing', reload: 'reload', dismiss: 'dismiss' } },
    });
    expect(await screen.findByText('part missing')).toBeInTheDocument();
  });

  it('renders nothing, and throws nothing, when the code cannot be fetched', async () => {
    const { container } = render(Lazy, {
      load: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    });
    // Two macrotasks: the rejection has been handled (or reported as unhandled, which fails the run) by then.
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(container.textContent?.trim()).toBe('');
  });
});
