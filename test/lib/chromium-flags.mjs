// Shared by the WTR config (plain .mjs, loaded by node without tsx) and the TypeScript helpers.
// Why these flags: the machine is a headless container (no sandbox, no GPU, small /dev/shm) and
// tests must stay offline, so every Chromium feature that phones home is switched off.

/** Where Chromium lives; CHROME_PATH overrides it (e.g. on a developer's machine). */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // tests expect English unless they ask for another language (?lang=, or a context's locale)
  '--lang=en-US',
];
