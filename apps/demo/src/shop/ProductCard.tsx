import { ProgressiveImage } from '@perfkit/react';
import { memo, useEffect } from 'react';
import { Link } from 'react-router-dom';
import type { Product } from '../api/types';
import { formatPrice } from '../format';
import { CARD_IMAGE_SIZES } from '../routes/imageSizes';

/** A fixed image height keeps every card, and so every grid row, the same height. */
const IMAGE_STYLE = { width: '100%', height: 160 };

export const ProductCard = memo(function ProductCard({ product }: { product: Product }) {
  return (
    <article className="product-card">
      <ProgressiveImage
        image={product.image}
        sizes={CARD_IMAGE_SIZES}
        aspectRatio="auto"
        style={IMAGE_STYLE}
        alt={product.name}
      />
      <h2 className="product-card__name">
        <Link to={`/shop/${product.id}`}>{product.name}</Link>
      </h2>
      <p className="product-card__meta">
        <span className="product-card__price">{formatPrice(product.priceCents)}</span>{' '}
        <span className="muted">★ {product.rating.toFixed(1)}</span>
      </p>
    </article>
  );
});

/** Holds a cell's place, same size as a card, until its page of products arrives. */
export function ProductSkeleton({ index, ensure }: { index: number; ensure: (index: number) => void }) {
  useEffect(() => ensure(index), [ensure, index]);
  return (
    <div className="product-card product-card--skeleton" aria-hidden="true">
      <div className="product-card__image-skeleton" />
      <div className="product-card__line" />
      <div className="product-card__line product-card__line--short" />
    </div>
  );
}
