/**
 * All of the app's texts, one module per part of the app (each owned by that part). Keys are
 * "part.what", e.g. "app.run". A key in two modules would hide one of them: test/node/i18n.test.ts refuses that.
 */
import { appTexts } from './app';
import { lessonsTexts } from './lessons';
import { codePanelTexts } from './code-panel';
import { backendSettingsTexts } from './backend-settings';
import { kioskTexts } from './kiosk';
import { projectTexts } from './project';
import { plotsTexts } from './plots';
import { remoteTexts } from './remote';
import { filesTexts } from './files';
import { galleryTexts } from './gallery';
import { a11yTexts } from './a11y';
import { blocksTexts } from './blocks';
import { generatorsTexts } from './generators';

export const TEXTS = {
  ...appTexts,
  ...lessonsTexts,
  ...codePanelTexts,
  ...backendSettingsTexts,
  ...kioskTexts,
  ...projectTexts,
  ...plotsTexts,
  ...remoteTexts,
  ...filesTexts,
  ...galleryTexts,
  ...a11yTexts,
  ...blocksTexts,
  ...generatorsTexts,
};

export type TextKey = keyof typeof TEXTS;
