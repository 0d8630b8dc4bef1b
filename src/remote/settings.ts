/**
 * Which backend runs the learner's programs, remembered across visits; and the page-URL form NEST
 * Desktop uses to point a class at a server (?nest_server_url=…&nest_server_access_token=…).
 *
 * The kind and address are remembered in localStorage. Tokens are not: they are kept in
 * sessionStorage (until the tab is closed), so a token typed on a shared classroom computer, or
 * brought by a link, does not outlive the lesson. A token in the page URL is removed from the
 * address bar at once (it would otherwise land in the history and in screenshots).
 */
import type { StoredText } from '../storage/autosave';
import type { BackendKind, BackendSettings } from './backend';
import { t } from '../i18n';
import { stripBidi } from '../plots/bidi';

export interface BackendChoice {
  kind: BackendKind;
  label: string;
  /** what it is, in one sentence for the settings panel */
  help: string;
  defaultUrl: string;
  takesToken: boolean;
}

// label and help are getters: the texts are looked up when shown, in the learner's language
// (the servers' names are names, the same in every language)
export const BACKEND_CHOICES: readonly BackendChoice[] = [
  { kind: 'local', get label() { return t('remote.choiceLocal'); }, get help() { return t('remote.helpLocal'); }, defaultUrl: '', takesToken: false },
  { kind: 'nest-server', label: 'NEST Server', get help() { return t('remote.helpNestServer'); }, defaultUrl: 'http://127.0.0.1:52425', takesToken: true },
  { kind: 'norse-server', label: 'Norse Server', get help() { return t('remote.helpNorseServer'); }, defaultUrl: 'http://127.0.0.1:11428', takesToken: false },
  { kind: 'jupyter', label: 'Jupyter', get help() { return t('remote.helpJupyter'); }, defaultUrl: 'http://127.0.0.1:8888', takesToken: true },
];

export const LOCAL: BackendSettings = { kind: 'local', url: '', token: '' };

const SETTINGS_KEY = 'spikeblocks.backend';
const TOKEN_KEY = (kind: BackendKind) => `spikeblocks.token.${kind}`;

export function choice(kind: BackendKind): BackendChoice {
  return BACKEND_CHOICES.find((c) => c.kind === kind) ?? BACKEND_CHOICES[0];
}

/** An http(s) address with a host, without a trailing slash, query or #fragment (a server's
 * routes are appended to it); null when it is not one. */
export function cleanServerUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.host || url.username || url.password) return null;
  url.search = '';
  url.hash = '';
  // the address Jupyter prints opens its editor (…/lab, …/tree): the server is the part before
  url.pathname = url.pathname.replace(/\/(lab|tree|notebooks)(\/.*)?$/, '/');
  return url.href.replace(/\/+$/, '');
}

/** Why `text` is not a server address, in words for the learner; null when it is one. */
export function serverUrlProblem(text: string): string | null {
  if (cleanServerUrl(text)) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return /^\s*$/.test(text) ? t('remote.urlEmpty') : t('remote.urlNotAddress');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return t('remote.urlProtocol');
  if (url.username || url.password) return t('remote.urlUser');
  return t('remote.urlNotServer');
}

/** The token in an address as Jupyter prints it (http://127.0.0.1:8888/lab?token=…), or null. */
export function tokenInUrl(text: string): string | null {
  try {
    return new URL(text.trim()).searchParams.get('token');
  } catch {
    return null;
  }
}

/** The remembered choice; the local engine when nothing (or nothing readable) is stored. */
export function loadBackendSettings(local: StoredText | null, session: StoredText | null): BackendSettings {
  let stored: unknown;
  try {
    stored = JSON.parse(local?.get(SETTINGS_KEY) ?? 'null');
  } catch {
    return LOCAL;
  }
  const s = stored as Partial<BackendSettings> | null;
  if (!s || !BACKEND_CHOICES.some((c) => c.kind === s.kind) || s.kind === 'local') return LOCAL;
  const url = cleanServerUrl(String(s.url ?? ''));
  if (!url) return LOCAL;
  return { kind: s.kind!, url, token: safeGet(session, TOKEN_KEY(s.kind!)) ?? '' };
}

/** A page URL that names the server but not the token (a class link after the token was taken
 * out of it, reloaded): the token this tab was given for that same server. */
export function withSessionToken(settings: BackendSettings, local: StoredText | null, session: StoredText | null): BackendSettings {
  if (settings.token || settings.kind === 'local') return settings;
  const remembered = loadBackendSettings(local, session);
  return remembered.kind === settings.kind && remembered.url === settings.url ? { ...settings, token: remembered.token } : settings;
}

/** Remembers the choice; false when the browser refused to store it (it then lasts for this page). */
export function saveBackendSettings(settings: BackendSettings, local: StoredText | null, session: StoredText | null): boolean {
  try {
    local?.set(SETTINGS_KEY, JSON.stringify({ kind: settings.kind, url: settings.url }));
    if (settings.kind !== 'local') session?.set(TOKEN_KEY(settings.kind), settings.token);
    return true;
  } catch {
    return false;
  }
}

/** What the page URL asks for. */
export interface UrlRequest {
  /** the backend the URL points at, or null when it names none */
  settings: BackendSettings | null;
  /** the address to show instead (the token taken out), or null when nothing needs to change */
  cleanedHref: string | null;
  /** a parameter that could not be used, said to the learner */
  problem: string | null;
}

/** URL parameters per backend: [address, token]. NEST Server's are NEST Desktop's own names. */
const URL_PARAMS: [BackendKind, string, string | null][] = [
  ['nest-server', 'nest_server_url', 'nest_server_access_token'],
  ['norse-server', 'norse_server_url', null],
  ['jupyter', 'jupyter_url', 'jupyter_token'],
];

export function settingsFromPageUrl(href: string): UrlRequest {
  const page = new URL(href);
  const params = page.searchParams;
  let settings: BackendSettings | null = null;
  let problem: string | null = null;
  let changed = false;
  for (const [kind, urlParam, tokenParam] of URL_PARAMS) {
    const token = tokenParam ? params.get(tokenParam) : null;
    if (tokenParam && params.has(tokenParam)) {
      params.delete(tokenParam);
      changed = true;
    }
    if (settings || (!params.has(urlParam) && !token)) continue;
    // a token alone is for the server at its usual address (as in NEST Desktop)
    const url = params.has(urlParam) ? cleanServerUrl(params.get(urlParam) ?? '') : choice(kind).defaultUrl;
    if (!url) {
      problem = t('remote.urlParamBad', { name: choice(kind).label, url: stripBidi((params.get(urlParam) ?? '').slice(0, 80)) });
      continue;
    }
    settings = { kind, url, token: token ?? '' };
  }
  return { settings, cleanedHref: changed ? page.href : null, problem };
}

function safeGet(store: StoredText | null, key: string): string | null {
  try {
    return store?.get(key) ?? null;
  } catch {
    return null;
  }
}

/** sessionStorage in the StoredText shape, or null where the browser refuses it. */
export function sessionStore(): StoredText | null {
  try {
    const s = sessionStorage;
    return { get: (k) => s.getItem(k), set: (k, v) => s.setItem(k, v), keys: () => Object.keys(s) };
  } catch {
    return null;
  }
}
