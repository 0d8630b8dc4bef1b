/**
 * The blocks in the learner's language, through Blockly's own message system:
 * - Blockly's built-in texts (context menu, Logic/Loops/Math blocks) come from blockly/msg/<lang>.
 *   The 'blockly' package always brings English; German is loaded (a separate chunk) only when
 *   the page is in German, before any module that imports this one runs (top-level await).
 * - Our blocks' texts (src/i18n/texts/blocks.ts) become Blockly messages SB_…, so the block
 *   definitions stay data and refer to them as %{BKY_SB_…} (msg()); Blockly resolves a reference
 *   when a block is built, so applyBlocklyLanguage() must run before the first block is created
 *   (registerNestBlocks/registerNorseBlocks and the editor call it).
 * - Texts that depend on data (a slider's parameter, a Norse class's defaults) are made by
 *   functions the plugins add with addBlockMessages(), also filled at that time.
 * In the test-only pseudo language our texts are ⟦English⟧ (through t()), and so are Blockly's
 * built-in texts (pseudoBlockly), so a screen scan finds any text that is neither.
 */
import * as Blockly from 'blockly';
import { isPseudoLanguage, language, t, useLanguageForTests } from '../src/i18n';
import { blocksTexts } from '../src/i18n/texts/blocks';

export type BlocksTextKey = keyof typeof blocksTexts;

/** Blockly's English messages, as the 'blockly' package set them before anything changed them. */
const BLOCKLY_ENGLISH: Record<string, string> = { ...Blockly.Msg };
let blocklyGerman: Record<string, string> | null = null;

/** The Blockly message name of one of our texts: 'blocks.population.title' → SB_BLOCKS_POPULATION_TITLE. */
export function messageName(key: string): string {
  return `SB_${key.replace(/\W/g, '_').toUpperCase()}`;
}

/** A reference to one of our texts inside a block definition (resolved as the block is built). */
export function msg(key: BlocksTextKey): string {
  return `%{BKY_${messageName(key)}}`;
}

/** A reference to a message that a function given to addBlockMessages() makes. */
export function madeMsg(name: string): string {
  return `%{BKY_${name}}`;
}

type MessageMaker = () => Record<string, string>;
const makers = new Set<MessageMaker>();

/** Adds messages made from data (called by a plugin's registerBlocks, never at import). */
export function addBlockMessages(maker: MessageMaker): void {
  makers.add(maker);
}

/** Loads Blockly's built-in messages of the current language (only German needs loading). */
export async function loadBlocklyMessages(): Promise<void> {
  if (language() === 'de' && !blocklyGerman) {
    // blockly/msg/de leaves the keyboard and screen-reader texts in English: our German for
    // them (blockly-de.ts) lies over it; both load only for German pages
    const [german, { BLOCKLY_DE }] = await Promise.all([import('blockly/msg/de'), import('./blockly-de')]);
    const strings = Object.entries(german as unknown as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string');
    blocklyGerman = { ...Object.fromEntries(strings), ...BLOCKLY_DE };
  }
}

/** Fills Blockly.Msg in the current language: Blockly's own texts, then ours. Blocks built
 * afterwards show this language; blocks built before keep theirs. */
export function applyBlocklyLanguage(): void {
  const pseudo = isPseudoLanguage();
  Blockly.setLocale(pseudo ? pseudoBlockly() : language() === 'de' && blocklyGerman ? blocklyGerman : BLOCKLY_ENGLISH);
  const own: Record<string, string> = {};
  for (const key of Object.keys(blocksTexts) as BlocksTextKey[]) own[messageName(key)] = t(key);
  for (const make of makers) Object.assign(own, make());
  Blockly.setLocale(pseudo ? Object.fromEntries(Object.entries(own).map(([k, v]) => [k, closeBeforeLastPlace(v)])) : own);
}

/**
 * "⟦delay (ms) %1⟧" → "⟦delay (ms)⟧ %1": text after a message's last input would make Blockly
 * add a row of its own, which stays visible when the block hides that input.
 */
function closeBeforeLastPlace(text: string): string {
  return text.replace(/^⟦([\s\S]*?)(\s*%\d+)⟧$/, '⟦$1⟧$2');
}

/** Blockly's English texts in ⟦ ⟧, leaving alone what is not a text: colours (…_HUE), links,
 * and the default names of variables and functions, which reach the code. */
function pseudoBlockly(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(BLOCKLY_ENGLISH)) {
    const isText = !/_HUE$|URL|^VARIABLES_DEFAULT_NAME$|^PROCEDURES_DEF(NO)?RETURN_PROCEDURE$|^UNNAMED_KEY$/.test(key) && /[A-Za-z]/.test(text) && !text.startsWith('%{BKY_');
    out[key] = isText ? closeBeforeLastPlace(`⟦${text}⟧`) : text;
  }
  return out;
}

/** For tests in Node: blocks built after this show `lang`. */
export async function useBlocklyLanguageForTests(lang: Parameters<typeof useLanguageForTests>[0]): Promise<void> {
  useLanguageForTests(lang);
  await loadBlocklyMessages();
  applyBlocklyLanguage();
}

/** The toolbox shows a category under its text; the data keeps the English name, which lessons
 * use to pick categories (src/lessons/format.ts). Names without a text are shown as they are. */
export function categoryLabel(name: string): string {
  const key = `blocks.category.${name}`;
  return isBlocksText(key) ? t(key) : name;
}

/** Whether the blocks' table has this text (for texts chosen by data, e.g. a parameter's row). */
export function isBlocksText(key: string): key is BlocksTextKey {
  return Object.prototype.hasOwnProperty.call(blocksTexts, key);
}

class TranslatedCategory extends Blockly.ToolboxCategory {
  protected override parseCategoryDef_(categoryDef: Blockly.utils.toolbox.CategoryInfo): void {
    super.parseCategoryDef_(categoryDef);
    this.name_ = categoryLabel(this.name_);
  }
}

/** Makes toolbox categories show their names in the learner's language (idempotent). */
export function registerTranslatedCategories(): void {
  Blockly.registry.register(Blockly.registry.Type.TOOLBOX_ITEM, Blockly.ToolboxCategory.registrationName, TranslatedCategory, true);
}

await loadBlocklyMessages();
