import type { TextTable } from '../types';

/** The code panel: the blocks' Python, Copy, downloads, Edit (src/app/sb-code-panel.ts). */
export const codePanelTexts = {
  'codePanel.editedBadge': { en: 'edited by hand', de: 'von Hand geändert' },
  'codePanel.copy': { en: 'Copy', de: 'Kopieren' },
  'codePanel.copyTitle': { en: 'Copy the code to the clipboard', de: 'Den Code in die Zwischenablage kopieren' },
  'codePanel.copied': { en: 'Code copied.', de: 'Code kopiert.' },
  'codePanel.downloadPy': { en: 'Download .py', de: '.py speichern' },
  'codePanel.downloadPyTitle': { en: 'Download the code as a .py file', de: 'Den Code als .py-Datei herunterladen' },
  'codePanel.downloadIpynbTitle': { en: 'Download the code as a Jupyter notebook (.ipynb) with a last cell that shows the result', de: 'Den Code als Jupyter-Notebook (.ipynb) herunterladen, mit einer letzten Zelle, die das Ergebnis zeigt' },
  'codePanel.nirTitle': { en: 'Save the network as NIR (.nir), the interchange format Norse, snnTorch and neuromorphic chips read', de: 'Das Netzwerk als NIR (.nir) speichern, das Austauschformat, das Norse, snnTorch und neuromorphe Chips lesen' },
  'codePanel.edit': { en: 'Edit', de: 'Bearbeiten' },
  'codePanel.editTitle': { en: 'Change the code by hand and run your version', de: 'Den Code von Hand ändern und deine Fassung ausführen' },
  'codePanel.backToBlocks': { en: 'Back to blocks', de: 'Zurück zu den Blöcken' },
  'codePanel.backToBlocksTitle': { en: "Drop the hand edits and show the blocks' code again", de: 'Die Änderungen von Hand verwerfen und wieder den Code der Blöcke zeigen' },
} satisfies TextTable;
