// The `sizes` of the pages' images, shared by the pages, by the loaders that preload the first ones, and by
// the server, which names the first ones in each page's HTML: a preload only helps when its sizes equal the
// image's. The feed column is at most 600px wide; Shop cards are two columns on a phone (half the page, less
// the page padding, the gap and the card's own padding) and about 150-170px wide from 560px up.
import sizes from '../../shared/imageSizes.json';

export const FEED_IMAGE_SIZES = sizes.feed;
export const CARD_IMAGE_SIZES = sizes.card;
export const PRODUCT_IMAGE_SIZES = sizes.product;
