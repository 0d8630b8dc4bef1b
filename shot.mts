import { chromium } from 'playwright-core';
import { buildApp, startPreview } from './test/lib/servers';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/lib/chromium-flags.mjs';
await buildApp('dist-shot');
const server = await startPreview('dist-shot');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [name, q, w, h] of [['en', '', 1280, 800], ['de', '?lang=de', 1280, 800], ['de-1024', '?lang=de', 1024, 768], ['kiosk-de', '?kiosk=1&lang=de', 1280, 800], ['hc-de', '?lang=de', 1280, 800]] as const) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  if (name.startsWith('hc')) await page.addInitScript(`localStorage.setItem('spikeblocks.contrast','more')`);
  await page.goto(server.url + q);
  await page.waitForFunction(`document.body.dataset.editorReady === '1'`, null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  await page.close();
}
await browser.close();
await server.stop();
