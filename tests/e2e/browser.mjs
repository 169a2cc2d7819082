// Debian's Chromium, driven by playwright-core (which never downloads a browser).
import { chromium } from 'playwright-core';

export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** A new page that keeps the page's uncaught errors in `page.errors`. */
export async function watchedPage(browser, viewport, options = {}) {
  const page = await browser.newPage({ viewport, ...options });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  return page;
}
