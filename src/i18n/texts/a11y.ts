import type { TextTable } from '../types';

/** Accessibility: what a screen reader says about blocks (blocks/aria.ts), the workspace's
 * label, the high-contrast switch (src/theme/). */
export const a11yTexts = {
  'a11y.workspace': {
    en: 'Block workspace. Arrow keys move between blocks, Enter edits, M moves a block, T opens the toolbox.',
    de: 'Block-Arbeitsfläche. Pfeiltasten wechseln zwischen Blöcken, Enter bearbeitet, M verschiebt einen Block, T öffnet die Werkzeugleiste.',
  },
  // blocks: "<what> <name>: <details>" — the block's own words come from its labels (blocks' texts)
  'a11y.block.population.one': { en: 'neuron {name}: {model}, 1 neuron', de: 'Neuron {name}: {model}, 1 Neuron' },
  'a11y.block.population.many': { en: 'neurons {name}: {model}, {count} neurons', de: 'Neuronen {name}: {model}, {count} Neuronen' },
  'a11y.block.named': { en: '{what} {name}', de: '{what} {name}' },
  'a11y.block.row': { en: '{label} {value}', de: '{label} {value}' },
  'a11y.block.value': { en: '{label}: {value}', de: '{label}: {value}' },
  'a11y.block.empty': { en: '{label} empty', de: '{label} leer' },
  'a11y.block.disabled': { en: 'switched off', de: 'ausgeschaltet' },
  'a11y.block.collapsed': { en: 'folded', de: 'eingeklappt' },
  'a11y.block.arrow': { en: 'to', de: 'nach' },
  'a11y.field.name': { en: 'name', de: 'Name' },
  'a11y.field.model': { en: 'model', de: 'Modell' },
  'a11y.field.value': { en: 'value', de: 'Wert' },
  'a11y.contrast.button': { en: 'High contrast', de: 'Hoher Kontrast' },
  'a11y.contrast.title': {
    en: 'Strong colours and outlines for the whole app (remembered on this device)',
    de: 'Kräftige Farben und Umrisse für die ganze App (auf diesem Gerät gemerkt)',
  },
} satisfies TextTable;
