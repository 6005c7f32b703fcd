import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

describe('on the server', () => {
  it('imports without touching window', async () => {
    expect(typeof globalThis.window).toBe('undefined');
    const module = await import('../../src');
    expect(typeof module.LazyComponent).toBe('function');
  });

  it('renders the placeholder in a box of the reserved height', async () => {
    const { LazyComponent } = await import('../../src');
    const html = renderToString(
      <LazyComponent placeholder={<span>loading comments</span>} minHeight={240} className="comments">
        <p>secret content</p>
      </LazyComponent>,
    );
    expect(html).toBe('<div style="min-height:240px" class="comments"><span>loading comments</span></div>');
  });

  it('renders a component that reads useLazyLoad as not yet visible', async () => {
    const { useLazyLoad } = await import('../../src');
    function Probe() {
      const { ref, isVisible } = useLazyLoad<HTMLDivElement>();
      return <div ref={ref}>{isVisible ? 'visible' : 'hidden'}</div>;
    }
    expect(renderToString(<Probe />)).toBe('<div>hidden</div>');
  });
});
