/**
 * `field_range_number`: a number field with a slider for dragging, where the slider's range is
 * only a suggestion. @blockly/field-slider's FieldSlider (a FieldNumber) clamps every value to
 * [min, max] and rounds it to the precision, so a typed weight of 800 silently became 100 and a
 * typed C_m of −1 became 1 — and the learner never saw NEST's "Capacitance must be > 0.".
 * Here any finite typed number is kept exactly as typed; the generator's checks then flag
 * impossible values with NEST's own text. The HTML range input just pins at its end when the
 * value lies outside the range; min, max and precision are the slider's range and step.
 *
 * FieldSlider also focused the slider when the editor opened, so keystrokes after a click were
 * lost. This field keeps the focus in the text input (select-all, so typing replaces the value);
 * the slider stays usable by mouse/touch, and by arrow keys once focused with Tab.
 */
import * as Blockly from 'blockly';
import * as fieldSliderModule from '@blockly/field-slider';
import { typedNumberText } from '../../src/i18n/typed-number';

// @blockly/field-slider is a webpack UMD bundle: bundlers (vite) see its named export, Node's
// CommonJS interop only a default export holding module.exports. Take the class from either.
type FieldSliderModule = typeof fieldSliderModule;
const FieldSlider: FieldSliderModule['FieldSlider'] =
  fieldSliderModule.FieldSlider ?? (fieldSliderModule as unknown as { default: FieldSliderModule }).default.FieldSlider;

export const RANGE_NUMBER_FIELD = 'field_range_number';

/** Parses what a learner typed as FieldNumber does (letter O as zero, "infinity", empty as 0) but
 * with commas read as src/i18n/typed-number.ts says (375,5 is 375.5, not 3755), without clamping
 * or rounding. Non-finite and non-numbers are refused (null), so the editor shows the text as
 * invalid and the old value stays. */
export function parseTypedNumber(newValue: unknown): number | null {
  if (newValue === null || newValue === undefined) return null;
  const text = typedNumberText(`${newValue}`.replace(/O/gi, '0').replace(/infinity/i, 'Infinity'));
  if (text === null) return null;
  const v = Number(text || 0);
  return Number.isFinite(v) ? v : null;
}

/**
 * Blockly's own number field (math_number, counts) with the same reading of commas; its own
 * checks (min, max, precision) then apply as before.
 */
export class FieldDecimalCommaNumber extends Blockly.FieldNumber {
  protected override doClassValidation_(newValue?: unknown): number | null {
    if (newValue === null || newValue === undefined) return super.doClassValidation_(newValue);
    const text = typedNumberText(`${newValue}`);
    return text === null ? null : super.doClassValidation_(text);
  }
}

export class FieldRangeNumber extends FieldSlider {
  /** Keeps the typed number: no clamping to the slider range, no rounding to its step. */
  protected override doClassValidation_(newValue?: unknown): number | null {
    return parseTypedNumber(newValue);
  }

  /** Opens the text editor and the slider, then puts the caret in the text (FieldSlider passes
   * quietInput to its parent, so nothing had the keyboard except, 250 ms later, the slider). */
  protected override showEditor_(e?: Event, _quietInput?: boolean): void {
    // quietInput = true: FieldSlider then schedules no focus of the slider.
    super.showEditor_(e, true);
    const input = this.htmlInput_;
    if (!input) return;
    input.focus({ preventScroll: true });
    input.select();
  }

  /** The text input of the open editor (for tests and for the app's own focus handling). */
  get textInput(): HTMLInputElement | null {
    return this.htmlInput_;
  }
}

/** Registers the field under its own name (idempotent); `field_slider` stays FieldSlider's. */
export function registerRangeNumberField(): void {
  if (!Blockly.registry.hasItem(Blockly.registry.Type.FIELD, RANGE_NUMBER_FIELD)) {
    Blockly.fieldRegistry.register(RANGE_NUMBER_FIELD, FieldRangeNumber);
  }
  // every block's field_number (Blockly's math_number too) reads a decimal comma
  if (Blockly.registry.getClass(Blockly.registry.Type.FIELD, 'field_number') !== FieldDecimalCommaNumber) {
    Blockly.fieldRegistry.unregister('field_number');
    Blockly.fieldRegistry.register('field_number', FieldDecimalCommaNumber);
  }
}
