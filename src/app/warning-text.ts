/** A warning bubble is as wide as its longest line: long messages (a shape, a size, a Python
 * error) are broken at spaces into lines of about 60 characters, so the bubble stays readable. */
export function wrapLines(text: string, width = 60): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current && current.length + 1 + word.length > width) {
          out.push(current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}

/** A block's warning: each of its messages wrapped, one after the other. */
export function warningText(messages: readonly string[]): string {
  // (not messages.map(wrapLines): map's index would become the width, and wrap after every word)
  return messages.map((m) => wrapLines(m)).join('\n');
}
