import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('on the server', () => {
  it('imports without touching window', async () => {
    expect(typeof globalThis.window).toBe('undefined');
    const module = await import('../../src');
    // forwardRef components: objects React can render.
    expect(module.VirtualList).toHaveProperty('$$typeof');
    expect(module.VirtualGrid).toHaveProperty('$$typeof');
  });

  it('renders initialItemCount rows with their list semantics', async () => {
    const { VirtualList } = await import('../../src');
    const html = renderToString(
      <VirtualList count={1000} itemSize={40} initialItemCount={5} height={400} aria-label="Orders">
        {(index) => `Order ${index}`}
      </VirtualList>,
    );
    expect(html.match(/role="listitem"/g)).toHaveLength(5);
    expect(html).toContain('aria-label="Orders"');
    expect(html).toContain('aria-setsize="1000"');
    expect(html).toContain('Order 4');
    expect(html).not.toContain('Order 5');
    expect(html).toContain('height:40000px');
  });

  it('renders the first grid rows', async () => {
    const { VirtualGrid } = await import('../../src');
    const html = renderToString(
      <VirtualGrid count={100} columns={4} rowHeight={200} initialItemCount={2}>
        {(index) => `Product ${index}`}
      </VirtualGrid>,
    );
    expect(html.match(/role="row"/g)).toHaveLength(2);
    expect(html.match(/role="gridcell"/g)).toHaveLength(8);
  });
});
