// In-page measuring code, injected into each contender's page after load. Rows are found by `data-row` (set
// by every adapter) or `data-index`; the scroller is the first scrollable element under #root.
export const PROBES = `
window.__lib = (() => {
  const params = new URLSearchParams(location.search);
  const count = Number(params.get('count'));
  const scroller = () => {
    for (const el of document.querySelectorAll('#root *')) {
      const overflow = getComputedStyle(el).overflowY;
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) return el;
    }
    return null;
  };
  const rowOf = (el) => el && el.closest('[data-row],[data-index]');
  // 3 x 15 points over the viewport; the share that hits a row.
  const coverage = (el) => {
    const box = el.getBoundingClientRect();
    let hits = 0;
    for (const fx of [0.1, 0.45, 0.8]) {
      for (let i = 0; i < 15; i++) {
        const y = box.top + ((i + 0.5) * el.clientHeight) / 15;
        if (rowOf(document.elementFromPoint(box.left + box.width * fx, y))) hits++;
      }
    }
    return hits / 45;
  };
  const rowBox = (index) => {
    const row =
      document.querySelector('[data-row="' + index + '"]') || document.querySelector('[data-index="' + index + '"]');
    return row ? row.getBoundingClientRect() : null;
  };
  // Samples each of the next 'frames' frames twice: in the rAF callback (the DOM about to be painted) and
  // late, in a ResizeObserver callback after layout (what is painted).
  const sampleFrames = (frames, sample) => new Promise((resolve) => {
    const raf = [];
    const late = [];
    const dummy = document.createElement('div');
    dummy.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;pointer-events:none';
    document.body.append(dummy);
    const observer = new ResizeObserver(() => { if (late.length < frames) late.push(sample()); });
    observer.observe(dummy);
    let frame = 0;
    const tick = () => {
      raf.push(sample());
      frame++;
      dummy.style.width = (frame % 2 ? 2 : 1) + 'px';
      if (frame < frames) requestAnimationFrame(tick);
      else setTimeout(() => { observer.disconnect(); dummy.remove(); resolve({ raf, late }); }, 20);
    };
    requestAnimationFrame(tick);
  });
  return {
    count,
    nodes() {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      let nodes = 1;
      while (walker.nextNode()) nodes++;
      return nodes;
    },
    scroll(frames, step) {
      const el = scroller();
      return new Promise((resolve) => {
        let frame = 0;
        const tick = () => {
          el.scrollTop += step;
          if (++frame < frames) requestAnimationFrame(tick);
          else requestAnimationFrame(() => resolve());
        };
        requestAnimationFrame(tick);
      });
    },
    jump(where) {
      const el = scroller();
      el.scrollTop = where === 'end' ? el.scrollHeight : el.scrollHeight / 2 - el.clientHeight / 2;
      return sampleFrames(10, () => coverage(el));
    },
    toTop() { scroller().scrollTop = 0; },
    endFlush() {
      const el = scroller();
      const last = rowBox(count - 1);
      if (!last) return { flush: false, gap: NaN };
      const gap = last.bottom - (el.getBoundingClientRect().top + el.clientHeight);
      return { flush: Math.abs(gap) <= 1, gap };
    },
    lastVisible() {
      const el = scroller();
      const box = el.getBoundingClientRect();
      const last = rowBox(count - 1);
      return !!last && last.top >= box.top - 1 && last.bottom <= box.top + el.clientHeight + 1;
    },
    scrollHeight() { return scroller().scrollHeight; },
    scrollToIndex(index) {
      const el = scroller();
      window.__bench.scrollToIndex(index);
      return sampleFrames(10, () => {
        const row = rowBox(index);
        return row ? row.top - el.getBoundingClientRect().top : NaN;
      });
    },
    rowError(index) {
      const row = rowBox(index);
      return row ? row.top - scroller().getBoundingClientRect().top : NaN;
    },
  };
})();
`;
