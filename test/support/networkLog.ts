import { afterAll, beforeAll } from 'vitest';
import { cdp } from 'vitest/browser';

/**
 * Records every request Chromium sends while the test file runs (through the DevTools protocol, so media
 * and iframe fetches count too). Call at the top level of a browser test file.
 */
export function recordRequests() {
  const requested: string[] = [];
  const onRequest = (event: { request: { url: string } }) => requested.push(event.request.url);
  const session = cdp();
  beforeAll(async () => {
    await session.send('Network.enable');
    session.on('Network.requestWillBeSent', onRequest);
  });
  afterAll(async () => {
    session.off('Network.requestWillBeSent', onRequest);
    await session.send('Network.disable');
  });
  return {
    session,
    /** How many requests went to a URL containing `url`. */
    requestsFor: (url: string) => requested.filter((request) => request.includes(url)).length,
  };
}

/** A unique URL per test, so nothing comes from the memory cache. */
export const unique = (path: string) => `${path}?test=${Math.random().toString(36).slice(2)}`;
