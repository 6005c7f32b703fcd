import { useCallback, useEffect, useRef, useState } from 'react';
import { getJSON } from '../api/client';
import type { Product } from '../api/types';
import { PRODUCT_PAGE_SIZE } from '../routes/loaders';

interface Catalogue {
  total: number;
  /** Sparse: a page is filled in when a cell of it first renders. */
  items: (Product | undefined)[];
  error: Error | null;
}

/**
 * The products of one category, fetched a page at a time by offset as the grid's cells render: scrolling
 * to the middle of five thousand products fetches only the pages on the way that were actually shown.
 */
export function useProductPages(category: string, first: { items: Product[]; total: number }) {
  const [catalogue, setCatalogue] = useState<Catalogue>(() => {
    const items: (Product | undefined)[] = first.items.slice();
    items.length = first.total;
    return { total: first.total, items, error: null };
  });
  // The first page came with the route (its loader).
  const requested = useRef(new Set<number>([0]));
  const alive = useRef(true);

  const ensure = useCallback(
    (index: number) => {
      const page = Math.floor(index / PRODUCT_PAGE_SIZE);
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const offset = page * PRODUCT_PAGE_SIZE;
      getJSON<{ items: Product[]; total: number }>('/api/products', {
        category,
        offset,
        limit: PRODUCT_PAGE_SIZE,
      }).then(
        ({ items, total }) => {
          if (!alive.current) return;
          setCatalogue((current) => {
            const next = current.items.slice();
            next.length = total;
            items.forEach((item, i) => {
              next[offset + i] = item;
            });
            return { total, items: next, error: null };
          });
        },
        (error: Error) => {
          // Forget the page so that rendering its cells again retries it.
          requested.current.delete(page);
          if (alive.current) setCatalogue((current) => ({ ...current, error }));
        },
      );
    },
    [category],
  );

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  return { ...catalogue, ensure };
}
