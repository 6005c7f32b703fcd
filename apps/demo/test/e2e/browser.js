// Debian's Chromium through playwright-core, as every browser test of the project runs it.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The name Vite gives a route's chunk, `assets/Feed-<hash>.js` → `Feed`. */
export function chunkName(url) {
  return new URL(url).pathname.match(/^\/assets\/([A-Za-z]+)-[\w-]+\.js$/)?.[1];
}
