/** A scroll container of the given height, 300 px wide, in the document: the feeds' root in these tests. */
export function scroller(height = 400): HTMLDivElement {
  const element = document.createElement('div');
  element.style.cssText = `height:${height}px;overflow:auto;width:300px`;
  document.body.append(element);
  return element;
}

/** Resolves in the next animation frame. */
export const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
