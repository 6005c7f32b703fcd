import { VirtualGrid } from '@perfkit/react';
import { useId } from 'react';
import { useLoaderData, useSearchParams } from 'react-router-dom';
import type { Product } from '../api/types';
import { formatCount } from '../format';
import type { shopLoader } from '../routes/loaders';
import { productPage } from '../routes/pages';
import { ProductCard, ProductSkeleton } from '../shop/ProductCard';
import { useColumns } from '../shop/useColumns';
import { useProductPages } from '../shop/useProductPages';

function ProductGrid({ category, first }: { category: string; first: { items: Product[]; total: number } }) {
  const { total, items, error, ensure } = useProductPages(category, first);
  const columns = useColumns(MIN_COLUMN_WIDTH, GAP);
  return (
    <>
      <p className="muted">{formatCount(total)} products</p>
      {error && (
        <p role="alert">Some products could not be loaded ({error.message}). Scroll on to try again.</p>
      )}
      {/* Pointing at or focusing any card fetches the product page's code: one listener for the grid. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the events bubble up from the cards' links */}
      <div onPointerOver={preloadProductPage} onFocus={preloadProductPage} onTouchStart={preloadProductPage}>
        <VirtualGrid
          items={items}
          columns={columns}
          gap={GAP}
          rowHeight={CARD_HEIGHT}
          overscan={1}
          useWindowScroll
          // 0 instead of the measured distance from the page top: with a measured margin the list scrolls the
          // window down to its own top on mount and whenever it re-renders above it (reported as a VirtualList
          // bug). Rows are then computed up to that distance early, which the overscan row covers.
          scrollMargin={0}
          aria-label="Products"
        >
          {(product, index) =>
            product ? <ProductCard product={product} /> : <ProductSkeleton index={index} ensure={ensure} />
          }
        </VirtualGrid>
      </div>
    </>
  );
}

function preloadProductPage() {
  // A failure is retried, and reported, when the product page itself is opened.
  productPage.preload().catch(() => {});
}

const MIN_COLUMN_WIDTH = 160;
const GAP = 16;

/** Fixed card height (styles.css .product-card): rows need no measuring, so scrolling renders once. */
const CARD_HEIGHT = 264;

export default function Shop() {
  const { category, first, categories } = useLoaderData<typeof shopLoader>();
  const [, setParams] = useSearchParams();
  const selectId = useId();

  return (
    <section className="shop">
      <div className="shop__header">
        <h1>Shop</h1>
        <label htmlFor={selectId}>Category</label>
        <select
          id={selectId}
          value={category}
          onChange={(event) => setParams(event.target.value ? { category: event.target.value } : {})}
        >
          <option value="">All products</option>
          {categories.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <ProductGrid key={category} category={category} first={first} />
    </section>
  );
}
