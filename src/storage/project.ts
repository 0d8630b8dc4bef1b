/**
 * The project file: what a learner saves, shares and opens again. It wraps Blockly's own
 * workspace serialization with a format marker and a version number, so files from other tools or
 * from a future Spikeblocks are recognised and refused with a clear message instead of half-loaded.
 */
import { formatNumber, t } from '../i18n';

export const PROJECT_FORMAT = 'spikeblocks-project';
export const PROJECT_VERSION = 1;

export interface Project {
  format: typeof PROJECT_FORMAT;
  version: number;
  /** Which simulator plugin the blocks belong to (see src/registry.ts). */
  simulator: string;
  name: string;
  savedAt: string;
  /** Blockly.serialization.workspaces.save() output. */
  workspace: Record<string, unknown>;
  /** Python edited by hand in the code panel, kept until the learner goes back to the blocks. */
  editedCode?: string;
}

export type ParseResult = { ok: true; project: Project } | { ok: false; message: string };

/** Upgrades from version N to N+1, indexed by N. Empty while there is only version 1; a block
 * rename or a changed field goes here, never into the loader. */
const UPGRADES: Record<number, (p: Record<string, unknown>) => Record<string, unknown>> = {};

/** Longest project name kept: a name is a label, not a place to store text. */
const MAX_NAME = 80;
/** Larger files are refused before parsing: no classroom project comes near it, and parsing
 * tens of megabytes would freeze the page. */
export const MAX_PROJECT_BYTES = 5_000_000;

export function makeProject(simulator: string, name: string, workspace: Record<string, unknown>, editedCode?: string | null): Project {
  const project: Project = { format: PROJECT_FORMAT, version: PROJECT_VERSION, simulator, name, savedAt: new Date().toISOString(), workspace };
  if (typeof editedCode === 'string') project.editedCode = editedCode;
  return project;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks the envelope only; whether the blocks inside load is checked by the caller, on a
 * scratch workspace, before anything on screen is replaced. */
export function parseProject(text: string, knownSimulators: readonly string[]): ParseResult {
  if (text.length > MAX_PROJECT_BYTES) {
    return { ok: false, message: t('project.tooLarge', { size: formatNumber(text.length / 1e6, 1, 1), limit: formatNumber(MAX_PROJECT_BYTES / 1e6) }) };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: t('project.notJson', { message: (e as Error).message }) };
  }
  if (!isObject(data)) return { ok: false, message: t('project.noObject') };
  if (data.format !== PROJECT_FORMAT) {
    if ('network' in data && 'simulation' in data) {
      return { ok: false, message: t('project.nestDesktop') };
    }
    return { ok: false, message: t('project.noFormat') };
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: t('project.noVersion') };
  }
  if (version > PROJECT_VERSION) {
    return {
      ok: false,
      message: t('project.newer', { version, supported: PROJECT_VERSION }),
    };
  }
  let upgraded: Record<string, unknown> = data;
  for (let v = version; v < PROJECT_VERSION; v++) {
    const step = UPGRADES[v];
    if (!step) return { ok: false, message: t('project.noUpgrade', { version: v }) };
    upgraded = { ...step(upgraded), version: v + 1 };
  }
  if (typeof upgraded.simulator !== 'string' || !knownSimulators.includes(upgraded.simulator)) {
    return { ok: false, message: t('project.unknownSimulator', { simulator: String(upgraded.simulator) }) };
  }
  if (!isObject(upgraded.workspace)) return { ok: false, message: t('project.noWorkspace') };
  return {
    ok: true,
    project: {
      format: PROJECT_FORMAT,
      version: PROJECT_VERSION,
      simulator: upgraded.simulator,
      name: typeof upgraded.name === 'string' && upgraded.name.trim() ? upgraded.name.trim().slice(0, MAX_NAME) : t('project.untitled'),
      savedAt: typeof upgraded.savedAt === 'string' ? upgraded.savedAt : '',
      workspace: upgraded.workspace,
      ...(typeof upgraded.editedCode === 'string' ? { editedCode: upgraded.editedCode } : {}),
    },
  };
}

/** A file name a learner recognises, safe on every OS. */
export function fileNameFor(name: string, extension: string): string {
  const base = name.normalize('NFKD').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'spikeblocks';
  return `${base}.${extension}`;
}
