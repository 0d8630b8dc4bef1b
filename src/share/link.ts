/**
 * A project as a link: the same project object a saved file holds (src/storage/project.ts), as
 * JSON, compressed (deflate-raw) and written in base64url into the URL fragment, `#p=…`. The
 * fragment never reaches a server, so sharing needs none; opening the link goes through the same
 * checks as opening a file (parseProject, then the blocks on a scratch workspace).
 *
 * A link is text anyone can craft, so decoding is defensive: the encoded text and the inflated
 * JSON both have size limits (a few hundred bytes can inflate to gigabytes), and every failure is
 * a message for the learner, never an exception.
 */
import { importNestDesktopText } from '../import/nest-desktop';
import { MAX_PROJECT_BYTES, parseProject, type ParseResult, type Project } from '../storage/project';
import { formatNumber, t } from '../i18n';

/** The fragment's key: #p=… */
export const SHARE_KEY = 'p';
/** Longest encoded text read: well above any classroom project, far below what freezes a page. */
export const MAX_ENCODED_CHARS = 2_000_000;
/** Links longer than this may be cut by mail programs, chat apps and some browsers (Chromium
 * takes 2 MB, but many messengers stop near 8 000 characters): the Share button warns. */
export const LONG_LINK_CHARS = 8_000;

async function collect(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** bytes → (de)compressor → bytes (the cast: lib.dom types the transform's input as BufferSource) */
function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart]).stream().pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // in chunks: String.fromCharCode(...all) overflows the call stack for large projects
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** null when the text is not base64url. A dangling last character (a link cut at a length no
 * base64 text has) is dropped: what is left fails to unpack and is called cut off. */
export function fromBase64Url(input: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(input)) return null;
  const text = input.length % 4 === 1 ? input.slice(0, -1) : input;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(b64);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** The project as the fragment's value (without "#p="). */
export async function encodeProject(project: Project): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(project));
  const compressed = await collect(through(json, new CompressionStream('deflate-raw')), Infinity);
  return toBase64Url(compressed!);
}

/** The address to share: this page's address (without its own fragment) and the project. */
export async function projectLink(pageHref: string, project: Project): Promise<string> {
  const url = new URL(pageHref);
  url.hash = '';
  return `${url.href.replace(/#$/, '')}#${SHARE_KEY}=${await encodeProject(project)}`;
}

/** The encoded project in a fragment ("#p=…", also among other keys: "#a=1&p=…"), or null when
 * the fragment holds none. */
export function sharedPayload(hash: string): string | null {
  const text = hash.replace(/^#/, '');
  if (!text) return null;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === SHARE_KEY) return part.slice(eq + 1);
  }
  return null;
}

/** The project in a link's fragment value, checked like a file. */
export async function decodeProject(payload: string, knownSimulators: readonly string[]): Promise<ParseResult> {
  // a link pasted from a mail may have kept a line break or a percent-escape
  let text = payload.replace(/\s+/g, '');
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      /* left as it is: the base64 check below names the problem */
    }
  }
  if (!text) return { ok: false, message: t('files.linkEmpty') };
  if (text.length > MAX_ENCODED_CHARS) {
    return { ok: false, message: t('files.linkTooLong', { n: formatNumber(text.length) }) };
  }
  const bytes = fromBase64Url(text);
  if (!bytes) return { ok: false, message: t('files.linkBadChars') };
  let json: Uint8Array | null;
  try {
    json = await collect(through(bytes, new DecompressionStream('deflate-raw')), MAX_PROJECT_BYTES);
  } catch {
    return { ok: false, message: t('files.linkCut') };
  }
  if (!json) return { ok: false, message: t('files.linkTooBig', { mb: formatNumber(MAX_PROJECT_BYTES / 1e6) }) };
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return { ok: false, message: t('files.linkNotText') };
  }
  // what Open… converts, a link converts too (src/import/nest-desktop.ts)
  const converted = importNestDesktopText(decoded);
  if (converted) return converted.ok ? { ok: true, project: converted.project } : { ok: false, message: t('files.linkNestDesktop', { why: converted.message }) };
  const parsed = parseProject(decoded, knownSimulators);
  // parseProject speaks of files; here it was a link
  return parsed.ok ? parsed : { ok: false, message: asLinkMessage(parsed.message) };
}

/** A message of parseProject about a file, said of a link (the German words change gender too). */
export function asLinkMessage(message: string): string {
  return message
    .replace(/\bThis file\b/g, 'This link')
    .replace(/\bthis file\b/g, 'this link')
    .replace(/project file/g, 'shared project')
    .replace(/Diese Datei/g, 'Dieser Link')
    .replace(/: Sie (ist|enthält)/g, ': Er $1')
    .replace(/\(ihr fehlt/g, '(ihm fehlt')
    .replace(/Diese Projektdatei/g, 'Dieses geteilte Projekt')
    .replace(/In dieser Projektdatei/g, 'In diesem geteilten Projekt')
    .replace(/Projektdateiversion/g, 'Projektversion')
    .replace(/Dateiversion/g, 'Version');
}
