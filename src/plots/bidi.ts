/**
 * Names the learner (or a shared link, or an imported file) typed are shown and used in file
 * names as plain text. Bidirectional control characters in them would reorder what is shown
 * after them: "abc\u202Eexe.py" displays as "abcyp.exe", so a name can pretend to be something
 * else (CVE-2021-42574, "Trojan Source"). They carry no meaning in a project or recorder name,
 * so they are taken out wherever such a name is shown or becomes a file name.
 */

/** LRE, RLE, PDF, LRO, RLO (U+202A–U+202E), LRI, RLI, FSI, PDI (U+2066–U+2069), LRM, RLM (U+200E/F), ALM (U+061C). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
