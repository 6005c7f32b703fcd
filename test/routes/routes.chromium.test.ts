// @vitest-environment node
// Runs in Node: builds the fixture app with Vite, serves it, and drives Debian's Chromium with
// playwright-core, so chunks are real files fetched (or refused) by a real server.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../vitest.config';
import { buildFixtureApp, type FixtureServer, serveFixtureApp } from './fixtureServer';

let server: FixtureServer;
let browser: Browser;
let page: Page;
let documentLoads = 0;
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await serveFixtureApp(await buildFixtureApp());
  browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  server.requests.length = 0;
  documentLoads = 0;
  consoleErrors.length = 0;
  page = await browser.newPage();
  page.on('load', () => documentLoads++);
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
});

afterEach(async () => {
  await page.close();
});

const chunkRequests = (name: string) =>
  server.requests.filter((path) => path === `/assets/${name}.js`).length;

describe('route splitting in a Vite-built app', () => {
  it('does not request a route chunk on first load, and hovering its PrefetchLink requests it', async () => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('heading', { name: 'Home' }).waitFor();
    expect(chunkRequests('About')).toBe(0);

    await page.getByRole('link', { name: 'About' }).hover();
    await expect.poll(() => chunkRequests('About')).toBe(1);
    await page.getByRole('link', { name: 'About' }).click();
    await page.getByRole('heading', { name: 'About page' }).waitFor();
    // The click reused the preloaded chunk.
    expect(chunkRequests('About')).toBe(1);
  }, 30_000);

  it('renders a route whose chunk fails once after retrying it', async () => {
    server.fail('/assets/Flaky.js', 1);
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Flaky' }).click();
    await page.getByRole('heading', { name: 'Flaky page' }).waitFor();
    expect(chunkRequests('Flaky')).toBe(2);
    expect(documentLoads).toBe(1);
  }, 30_000);

  it('reloads once for a lazyRoute chunk that is gone for good, then shows the error with a Reload button', async () => {
    server.fail('/assets/Broken.js', Number.POSITIVE_INFINITY);
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Broken' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('This page could not be loaded.');
    expect(await page.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(documentLoads).toBe(2);
    // The reload landed on the page that failed, not back home.
    expect(new URL(page.url()).pathname).toBe('/broken');
    await page.waitForTimeout(500);
    expect(documentLoads).toBe(2);
  }, 30_000);

  it('shows the RouteSuspense error boundary for a lazyWithPreload page that is gone for good, after one reload', async () => {
    server.fail('/assets/Gone.js', Number.POSITIVE_INFINITY);
    await page.goto(`${server.origin}/`);
    await page.getByRole('link', { name: 'Gone' }).click();
    await page.getByRole('button', { name: 'Reload' }).waitFor();
    expect(documentLoads).toBe(2);
    expect(new URL(page.url()).pathname).toBe('/gone');
    await page.waitForTimeout(500);
    expect(documentLoads).toBe(2);
  }, 30_000);
});
