/**
 * Python literals that nothing typed by a learner can break out of. Every string is written
 * with escapes for quotes, backslashes, control characters and all non-ASCII characters, so
 * the literal is one line of plain ASCII whatever the input.
 */

function hex(c: number, width: number): string {
  return c.toString(16).padStart(width, '0');
}

/** A double-quoted Python string literal equal to `s`. */
export function pyString(s: string): string {
  let out = '"';
  for (const ch of String(s)) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + hex(c, 2);
    else if (c > 0x7e) out += c <= 0xffff ? '\\u' + hex(c, 4) : '\\U' + hex(c, 8);
    else out += ch;
  }
  return out + '"';
}

/** A Python float literal for a finite number (1 → "1.0", 0.1 → "0.1"); null otherwise. */
export function pyFloat(x: number): string | null {
  if (typeof x !== 'number' || !Number.isFinite(x)) return null;
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return (Object.is(x, -0) ? 0 : x).toFixed(1);
  return String(x); // JS's shortest round-trip form is valid Python: 2.5, 1e-7, 1e+21
}

/** A Python int literal for an integer; null otherwise. */
export function pyInt(x: number): string | null {
  if (typeof x !== 'number' || !Number.isSafeInteger(x)) return null;
  return String(x);
}

/** The Python expression for a non-finite number, so the text still parses and means what
 * the field holds. The generator reports it as a problem as well. */
export function pyNonFinite(x: number): string {
  if (Number.isNaN(x)) return 'float("nan")';
  return x > 0 ? 'float("inf")' : '-float("inf")';
}

/** A Python identifier that is safe as a keyword argument name (checked, never escaped). */
export function isPlainIdentifier(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);
}

/** The numbers a learner typed into a text field ("10, 20.5; 3e1"), in order; anything that is
 * not a plain decimal number (nan, inf, 0x10, words) is reported, not guessed. */
export function parseNumbers(text: string): { values: number[]; bad: string[] } {
  const values: number[] = [];
  const bad: string[] = [];
  // With semicolons and no decimal point in the list, semicolons separate and a comma is a
  // decimal comma (German: "10; 20,5; 30"); otherwise commas separate as in Python ("10, 20.5, 30").
  const decimalComma = String(text).includes(';') && !String(text).includes('.');
  for (const raw of String(text).split(decimalComma ? /[\s;]+/ : /[\s,;]+/)) {
    if (raw === '') continue;
    const token = decimalComma ? raw.replace(',', '.') : raw;
    const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token) ? Number(token) : NaN;
    if (Number.isFinite(v)) values.push(v);
    else bad.push(raw);
  }
  return { values, bad };
}
