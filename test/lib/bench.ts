// Shared by the benchmark scripts in test/bench/.
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startDev } from './servers';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs `measure` with a blank page of the vite dev server's origin in /usr/bin/chromium, so the
 * page can import the project's TypeScript modules — and not the app, which would load Blockly
 * and Pyodide and compete for the cores while we measure.
 */
export async function withBlankPage<T>(measure: (page: Page) => Promise<T>): Promise<T> {
  const server = await startDev();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const blank = `${server.url}__bench__.html`;
    await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto(blank);
    return await measure(page);
  } finally {
    await browser.close();
    await server.stop();
  }
}
