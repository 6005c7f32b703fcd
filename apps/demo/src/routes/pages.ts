import { lazyRoute } from '@perfkit/react/router';

/**
 * The product page's route, shared by the router and by the shop grid, which preloads it once for all its
 * cards (one listener on the grid) instead of giving each of its cards a PrefetchLink.
 */
export const productPage = lazyRoute(() => import('../pages/Product'));
