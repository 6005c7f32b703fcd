// `@perfkit/react/testing`: helpers for the tests of apps that use perfkit (jsdom, happy-dom).
export type { IntersectionObserverMock } from './testing/mockIntersectionObserver';
export { mockIntersectionObserver } from './testing/mockIntersectionObserver';
