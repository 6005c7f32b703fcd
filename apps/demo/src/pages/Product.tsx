import { ProgressiveImage } from '@perfkit/react';
import { Link, useLoaderData } from 'react-router-dom';
import { formatDateTime, formatPrice } from '../format';
import { PRODUCT_IMAGE_SIZES } from '../routes/imageSizes';
import type { productLoader } from '../routes/loaders';

export default function Product() {
  const { product, reviews } = useLoaderData<typeof productLoader>();
  return (
    <article className="product">
      <p>
        <Link to="/shop">← Back to the shop</Link>
      </p>
      <div className="product__main">
        <ProgressiveImage
          image={product.image}
          sizes={PRODUCT_IMAGE_SIZES}
          priority
          alt={product.name}
          className="product__image"
        />
        <div>
          <h1>{product.name}</h1>
          <p className="muted">{product.category}</p>
          <p className="product__price">{formatPrice(product.priceCents)}</p>
          <p>
            ★ {product.rating.toFixed(1)} · {product.stock > 0 ? `${product.stock} in stock` : 'Out of stock'}
          </p>
        </div>
      </div>
      <section aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">Reviews ({reviews.length})</h2>
        {reviews.length === 0 && <p>No reviews yet.</p>}
        <ul className="reviews">
          {reviews.map((review) => (
            <li key={review.id} className="card">
              <p>
                <strong>
                  {typeof review.author === 'string' ? review.author : review.author.displayName}
                </strong>{' '}
                <span aria-hidden="true">{'★'.repeat(review.rating)}</span>
                <span className="visually-hidden">{review.rating} out of 5 stars</span>{' '}
                <time className="muted" dateTime={review.createdAt}>
                  {formatDateTime(review.createdAt)}
                </time>
              </p>
              <p>{review.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
