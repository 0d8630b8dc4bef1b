/**
 * The block editor's Blockly themes: the normal one (Blockly's Classic) and a high-contrast one —
 * white workspace, black toolbox with white words, an opaque dark
 * flyout, black scrollbars and insertion marker. The block colours themselves are darkened and
 * their words outlined by CSS (./styles.ts): our blocks carry their own hue, not a theme style.
 */
import * as Blockly from 'blockly';

let contrastTheme: Blockly.Theme | null = null;

/** Made on first use (defining a theme registers it with Blockly). */
export function blocklyTheme(highContrast: boolean): Blockly.Theme {
  if (!highContrast) return Blockly.Themes.Classic;
  contrastTheme ??= Blockly.Theme.defineTheme('spikeblocks-high-contrast', {
    name: 'spikeblocks-high-contrast',
    base: Blockly.Themes.Classic,
    componentStyles: {
      workspaceBackgroundColour: '#ffffff',
      toolboxBackgroundColour: '#000000',
      toolboxForegroundColour: '#ffffff',
      flyoutBackgroundColour: '#1a1a1a',
      flyoutForegroundColour: '#ffffff',
      flyoutOpacity: 1,
      scrollbarColour: '#000000',
      scrollbarOpacity: 1,
      insertionMarkerColour: '#000000',
      insertionMarkerOpacity: 0.5,
      markerColour: '#000000',
      cursorColour: '#000000',
      selectedGlowColour: '#ffbf00',
      selectedGlowOpacity: 1,
    },
  });
  return contrastTheme;
}
