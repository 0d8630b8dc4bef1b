/**
 * The app's two ends of a shared link: the Share button (make the link, copy it, say how long it
 * is) and opening a page whose address holds one. Kept out of the app shell, which only calls
 * these and shows what they return.
 */
import type { ParseResult, Project } from '../storage/project';
import { LONG_LINK_CHARS, decodeProject, projectLink, sharedPayload } from './link';
import { formatNumber, t } from '../i18n';
import { stripBidi } from '../plots/bidi';

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
    return { kind: 'error', text: t('files.shareNoCompression'), detail: (e as Error).message, link: '' };
  }
  const long = link.length > LONG_LINK_CHARS ? t('files.shareLong') : '';
  const size = formatNumber(link.length);
  // A link of hand-edited code carries both: the blocks, and the code that runs instead of them.
  // Said plainly, so the learner knows the other person will run the edits, not the blocks' code.
  const what = project.editedCode !== undefined ? t('files.shareWithEdits') : t('files.shareBlocks');
  if (await copy(link)) {
    return { kind: 'info', text: t('files.shareCopied', { size, what, long }), link };
  }
  return { kind: 'info', text: t('files.shareNotCopied', { size, what, long }), detail: link, link };
}

/**
 * What the footer says once a shared link's project is open: its name, and — when the link
 * carried hand-edited code — that Run runs that code, not the blocks' own, until "Back to
 * blocks". (The app shows it in place of its plain "Opened …" line.)
 */
export function sharedLinkOpenedText(project: Project): string {
  const name = stripBidi(project.name);
  return project.editedCode !== undefined ? t('files.openedSharedEdited', { name }) : t('files.openedShared', { name });
}

/**
 * The project of a shared link in the page's fragment: null when the fragment holds none (the
 * page was opened normally), else the parsed project or why it could not be read.
 */
export async function readSharedLink(hash: string, knownSimulators: readonly string[]): Promise<ParseResult | null> {
  const payload = sharedPayload(hash);
  return payload === null ? null : decodeProject(payload, knownSimulators);
}
