/**
 * The app's two ends of a shared link: the Share button (make the link, copy it, say how long it
 * is) and opening a page whose address holds one. Kept out of the app shell, which only calls
 * these and shows what they return.
 */
import type { ParseResult, Project } from '../storage/project';
import { LONG_LINK_CHARS, decodeProject, projectLink, sharedPayload } from './link';

/** What the footer shows after Share. */
export interface ShareNotice {
  kind: 'info' | 'error';
  text: string;
  /** the link itself when it could not be copied (the footer shows it as selectable text) */
  detail?: string;
}

/** Writes text to the clipboard; false when the browser refuses (no permission, not a secure
 * page, no clipboard at all). */
export type CopyText = (text: string) => Promise<boolean>;

export const browserCopy: CopyText = async (text) => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
};

/** Makes the link of a project, copies it, and says so (or shows it for copying by hand). */
export async function shareProject(project: Project, pageHref: string, copy: CopyText = browserCopy): Promise<ShareNotice & { link: string }> {
  let link: string;
  try {
    link = await projectLink(pageHref, project);
  } catch (e) {
    return { kind: 'error', text: 'The link could not be made in this browser (it lacks CompressionStream). Use Save to share a file.', detail: (e as Error).message, link: '' };
  }
  const long = link.length > LONG_LINK_CHARS ? ' It is long: some chat and mail programs cut such links — if it does not open, share the file (Save) instead.' : '';
  const size = `${link.length.toLocaleString('en')} characters`;
  if (await copy(link)) {
    return { kind: 'info', text: `Link copied (${size}). Whoever opens it gets these blocks${project.editedCode !== undefined ? ' and your hand-edited code' : ''}; nothing is stored on a server.${long}`, link };
  }
  return { kind: 'info', text: `The browser did not allow copying. Select the link below and copy it (${size}).${long}`, detail: link, link };
}

/**
 * The project of a shared link in the page's fragment: null when the fragment holds none (the
 * page was opened normally), else the parsed project or why it could not be read.
 */
export async function readSharedLink(hash: string, knownSimulators: readonly string[]): Promise<ParseResult | null> {
  const payload = sharedPayload(hash);
  return payload === null ? null : decodeProject(payload, knownSimulators);
}
