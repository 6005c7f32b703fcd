// The app code every contender shares: a loader instrumented to count calls, calls started while another
// was in flight, and duplicate pages. Settings come from the page's query string.
const params = new URLSearchParams(location.search);
export const config = {
  delay: Number(params.get('delay') ?? 300),
  total: Number(params.get('total') ?? 2000),
  firstPage: Number(params.get('firstPage') ?? 20),
  /** "once": the 3rd call rejects once; "always": every call from the 3rd rejects until healed. */
  fail: params.get('fail') ?? '',
  healAfter: Number(params.get('healAfter') ?? 5000),
};

export const ROW_HEIGHT = 120;
export const stats = { calls: 0, inFlight: 0, overlapping: 0, duplicates: 0, items: 0, firstFailureAt: 0 };
(window as unknown as { __feed: typeof stats }).__feed = stats;

export interface Item {
  id: number;
  title: string;
}

/** Returns the page that starts at `offset`; the app appends it unless the offset was already passed. */
export async function fetchPage(offset: number, signal?: AbortSignal): Promise<Item[]> {
  stats.calls += 1;
  if (stats.inFlight > 0) stats.overlapping += 1;
  stats.inFlight += 1;
  const call = stats.calls;
  try {
    await new Promise((resolve) => setTimeout(resolve, config.delay));
    signal?.throwIfAborted();
    const now = performance.now();
    const failing =
      (config.fail === 'once' && call === 3) ||
      (config.fail === 'always' &&
        call >= 3 &&
        (stats.firstFailureAt === 0 || now - stats.firstFailureAt < config.healAfter));
    if (failing) {
      if (stats.firstFailureAt === 0) stats.firstFailureAt = now;
      throw new Error(`call ${call} failed`);
    }
    const size = offset === 0 ? config.firstPage : 20;
    return Array.from({ length: Math.max(0, Math.min(size, config.total - offset)) }, (_, index) => ({
      id: offset + index,
      title: `Item ${offset + index}`,
    }));
  } finally {
    stats.inFlight -= 1;
  }
}

/** Appends a page unless it starts at an offset already loaded (counted as a duplicate). */
export function appendPage(current: Item[], offset: number, page: Item[]): Item[] {
  if (offset !== current.length) {
    stats.duplicates += 1;
    return current;
  }
  const next = current.concat(page);
  stats.items = next.length;
  return next;
}

export function Row({ item }: { item: Item }) {
  return (
    <article
      style={{ height: ROW_HEIGHT, boxSizing: 'border-box', padding: 12, borderBottom: '1px solid #ddd' }}
    >
      <strong>{item.title}</strong>
      <p style={{ margin: 0 }}>Deterministic text for item {item.id}, the same in every contender.</p>
    </article>
  );
}
