import { composeStories } from '@storybook/react-vite';
import { cleanup } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Every story in stories/ renders in Chromium and runs its play function: a broken story fails npm test.
const modules = import.meta.glob<Record<string, unknown>>('../stories/*.stories.tsx', { eager: true });

afterEach(() => cleanup());

describe.each(Object.entries(modules))('%s', (_path, module) => {
  type RunnableStory = { run: (context: { canvasElement: HTMLElement }) => Promise<void> };
  const composed = composeStories(module as Parameters<typeof composeStories>[0]);
  const stories = Object.entries(composed as Record<string, RunnableStory>);

  it('has at least one story', () => {
    expect(stories.length).toBeGreaterThan(0);
  });

  it.each(stories)('renders %s without errors', async (_name, Story) => {
    const errors = vi.spyOn(console, 'error');
    const host = document.createElement('div');
    document.body.append(host);
    // run() mounts the story into the element and plays it, as Storybook's own test runner does.
    await Story.run({ canvasElement: host });
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    host.remove();
  });
});
