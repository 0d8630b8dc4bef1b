import type { Page } from 'playwright-core';

export interface PngInk {
  width: number;
  height: number;
  /** pixels that are not near-white, in the whole image or in its rightmost `rightEdgeCssPx` */
  ink: number;
}

/**
 * Draws a PNG back in the page and counts its inked (not near-white) pixels: proof that an exported
 * picture holds the plots, or that nothing runs past its right margin.
 */
export async function pngInk(page: Page, bytes: Buffer, rightEdgeCssPx?: number): Promise<PngInk> {
  return (await page.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${bytes.toString('base64')}';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const edge = ${rightEdgeCssPx ?? 0} > 0 ? Math.floor(${rightEdgeCssPx ?? 0} * (window.devicePixelRatio || 1)) : c.width;
    const px = ctx.getImageData(c.width - edge, 0, edge, c.height).data;
    let ink = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) ink++;
    return { width: img.width, height: img.height, ink };
  })()`)) as PngInk;
}
