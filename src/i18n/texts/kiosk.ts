import type { TextTable } from '../types';

/** Kiosk mode's two questions (src/kiosk/sb-kiosk-overlay.ts): few words, for young readers. */
export const kioskTexts = {
  'kiosk.resetTitle': { en: 'Start again?', de: 'Neu anfangen?' },
  'kiosk.resetText': { en: 'Your blocks are cleared and the first example comes back.', de: 'Deine Blöcke werden gelöscht und das erste Beispiel kommt zurück.' },
  'kiosk.resetYes': { en: 'Yes, start again', de: 'Ja, neu anfangen' },
  'kiosk.resetNo': { en: 'No, go on', de: 'Nein, weiter' },
  'kiosk.stillThereTitle': { en: 'Still there?', de: 'Bist du noch da?' },
  'kiosk.stillThereText': { en: 'Nobody has touched the screen for a while. Touch anywhere to go on.', de: 'Eine Weile hat niemand den Bildschirm berührt. Tippe irgendwo hin, um weiterzumachen.' },
  'kiosk.countdown': { en: 'Starting again in {seconds}', de: 'Neustart in {seconds}' },
  'kiosk.stillHere': { en: "I'm still here", de: 'Ich bin noch da' },
} satisfies TextTable;
