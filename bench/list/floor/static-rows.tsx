// The floor of the list benchmark's heap: React rendering the rows a 600 px box shows, with no list library
// and nothing virtual. No virtual list can hold less than this page does.
import { content, count, start } from '../pages/shared';

const rows = Array.from({ length: 21 }, (_, index) => (
  <div key={index} data-row={index} style={{ height: 36 }}>
    {content(index)}
  </div>
));

start(
  <div style={{ height: 600, overflow: 'auto' }}>
    <div style={{ height: count * 36 }}>{rows}</div>
  </div>,
  { scrollToIndex: () => {} },
);
