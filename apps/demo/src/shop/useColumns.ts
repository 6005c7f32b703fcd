import { useEffect, useState } from 'react';

const PAGE_MAX_WIDTH = 960;
const PAGE_PADDING = 16;

function columnsFor(minColumnWidth: number, gap: number) {
  const content = Math.min(document.documentElement.clientWidth, PAGE_MAX_WIDTH) - 2 * PAGE_PADDING;
  return Math.max(1, Math.floor((content + gap) / (minColumnWidth + gap)));
}

/**
 * The grid's column count, from the viewport width and the page's layout (styles.css: main is at most
 * 960px wide with 16px padding). Known before the first render: measured by the grid itself it would
 * start at one column and then move every card into its real row, mounting each one twice.
 */
export function useColumns(minColumnWidth: number, gap: number) {
  const [columns, setColumns] = useState(() => columnsFor(minColumnWidth, gap));
  useEffect(() => {
    const update = () => setColumns(columnsFor(minColumnWidth, gap));
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [minColumnWidth, gap]);
  return columns;
}
