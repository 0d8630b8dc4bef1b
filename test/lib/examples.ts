import type { Page } from 'playwright-core';

/** Opens an example as a learner does: the header's Examples button, then the example's card. */
export async function openExample(page: Page, id: string): Promise<void> {
  await page.locator('#gallery').click();
  await page.locator(`sb-gallery button.open[data-example="${id}"]`).click();
  await page.waitForFunction(`!document.querySelector('sb-gallery')?.shadowRoot?.querySelector('dialog[open]')`);
}
