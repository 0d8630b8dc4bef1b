/**
 * The Markdown a lesson's text may use, parsed into plain data: paragraphs, "- " lists, **bold**,
 * *italic* and `code`. Nothing else is special: "<b>" stays the text "<b>". The lesson panel
 * renders the result with lit templates (text is always text), so a lesson file cannot put HTML
 * or script into the page.
 */

export interface Span {
  text: string;
  bold?: true;
  italic?: true;
  code?: true;
}

export type TextBlock = { kind: 'p'; spans: Span[] } | { kind: 'ul'; items: Span[][] };

/** Inline marks of one line: `code` first (nothing inside it is a mark), then **bold**, *italic*. */
export function parseInline(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) spans.push({ text: text.slice(at, m.index) });
    if (m[1] !== undefined) spans.push({ text: m[1], code: true });
    else if (m[2] !== undefined) spans.push({ text: m[2], bold: true });
    else spans.push({ text: m[3], italic: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) spans.push({ text: text.slice(at) });
  return spans;
}

/** Blank lines separate paragraphs; lines starting with "- " make a list. */
export function parseMarkdown(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | null = null;
  const flush = (): void => {
    if (paragraph.length) blocks.push({ kind: 'p', spans: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'ul', items: list.map(parseInline) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
    } else if (line.startsWith('- ')) {
      if (paragraph.length) {
        blocks.push({ kind: 'p', spans: parseInline(paragraph.join(' ')) });
        paragraph = [];
      }
      (list ??= []).push(line.slice(2));
    } else if (list) {
      // a line under a list item continues it
      list[list.length - 1] += ` ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
