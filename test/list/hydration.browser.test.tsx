import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { VirtualList } from '../../src';
import { failOnConsole } from './support';

failOnConsole();

it('hydrates server-rendered rows without a warning, then renders the rows the viewport needs', async () => {
  const app = (
    <VirtualList count={1000} itemSize={40} initialItemCount={5} height={400}>
      {(index) => `Order ${index}`}
    </VirtualList>
  );
  const host = document.createElement('div');
  host.innerHTML = renderToString(app);
  document.body.append(host);
  const serverRow = host.querySelector('[data-index="0"]');
  const root = await act(async () => hydrateRoot(host, app));
  // The server's node was adopted, not replaced.
  expect(host.querySelector('[data-index="0"]')).toBe(serverRow);
  await expect.poll(() => host.querySelectorAll('[data-index]').length).toBeGreaterThanOrEqual(10);
  act(() => root.unmount());
  host.remove();
});
