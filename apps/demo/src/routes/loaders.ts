// Route loaders: in the entry chunk, so that a page's first data is requested at the same time as its
// code (react-router runs a static loader alongside the route's lazy()), not after the chunk has arrived.
import type { LoaderFunctionArgs } from 'react-router-dom';
import { getJSON } from '../api/client';
import type { Conversation, CursorPage, Message, Post, Product, ProductDetail, Video } from '../api/types';
import { CARD_IMAGE_SIZES, FEED_IMAGE_SIZES, PRODUCT_IMAGE_SIZES } from './imageSizes';
import { preloadImage } from './preloadImage';

export const FEED_PAGE_SIZE = 10;
/** Enough for the first screens on any display; further pages are fetched as cells come into view. */
export const PRODUCT_PAGE_SIZE = 30;
export const MESSAGE_PAGE_SIZE = 50;

export const feedLoader = async ({ request }: LoaderFunctionArgs) => {
  const page = await getJSON<CursorPage<Post>>('/api/posts', { limit: FEED_PAGE_SIZE }, request.signal);
  // The first photo is on screen (the LCP element) when the top two posts hold it.
  preloadImage(page.items.slice(0, 2).find((post) => post.image)?.image, FEED_IMAGE_SIZES);
  return page;
};

export const shopLoader = async ({ request }: LoaderFunctionArgs) => {
  const category = new URL(request.url).searchParams.get('category') ?? '';
  const [first, categories] = await Promise.all([
    getJSON<{ items: Product[]; total: number }>(
      '/api/products',
      { category, offset: 0, limit: PRODUCT_PAGE_SIZE },
      request.signal,
    ),
    getJSON<{ items: string[] }>('/api/categories', {}, request.signal),
  ]);
  // The first row: two cards on any display the grid lays out.
  for (const product of first.items.slice(0, 2)) preloadImage(product.image, CARD_IMAGE_SIZES);
  return { category, first, categories: categories.items };
};

export const productLoader = async ({ request, params }: LoaderFunctionArgs) => {
  const detail = await getJSON<ProductDetail>(`/api/products/${params.productId}`, {}, request.signal);
  preloadImage(detail.product.image, PRODUCT_IMAGE_SIZES);
  return detail;
};

export const chatLoader = async ({ request }: LoaderFunctionArgs) => {
  const { items: conversations } = await getJSON<{ items: Conversation[] }>(
    '/api/conversations',
    {},
    request.signal,
  );
  const wanted = new URL(request.url).searchParams.get('c');
  const current =
    conversations.find((conversation) => String(conversation.id) === wanted) ?? conversations[0];
  const newest = current
    ? await getJSON<{ items: Message[]; prevCursor: string | null }>(
        `/api/conversations/${current.id}/messages`,
        { limit: MESSAGE_PAGE_SIZE },
        request.signal,
      )
    : null;
  return { conversations, current, newest };
};

export const videosLoader = ({ request }: LoaderFunctionArgs) =>
  getJSON<{ items: Video[] }>('/api/videos', {}, request.signal);
