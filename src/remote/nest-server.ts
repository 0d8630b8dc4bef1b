/**
 * NEST Server client: runs a program on a real NEST Server (the `nest-server` that ships with
 * nest-simulator, as NEST Desktop uses it). Protocol: /work/shared/reference/nest-server.md — the
 * /exec call of exec-server.ts, the token in the `NESTServerAuth` header (the raw token), and the
 * model list from POST /api/GetKernelStatus.
 */
import { ServerError, type BackendInfo } from './backend';
import { ExecServerClient, type ExecServerOptions } from './exec-server';
import { t } from '../i18n';

export { ServerError, type ServerProblem } from './backend';
export type NestServerOptions = ExecServerOptions;

/** NEST Server's own default port. */
export const NEST_SERVER_DEFAULT_URL = 'http://127.0.0.1:52425';

export class NestServerClient extends ExecServerClient {
  constructor(options: NestServerOptions) {
    super({ kind: 'nest-server', name: 'NEST Server', versionKey: 'nest', simulator: 'NEST', tokenHeader: 'NESTServerAuth', linesPastEnd: 'server' }, options);
  }

  /** Version and models (as NEST Desktop lists them at connect). */
  override async health(): Promise<BackendInfo> {
    const info = await super.health();
    return { ...info, models: await this.models() };
  }

  /** The node models the server's NEST has (neurons and devices), sorted. */
  async models(): Promise<string[]> {
    const reply = await this.request('POST', '/api/GetKernelStatus', { keys: ['node_models'] });
    const body = await this.json(reply);
    // NEST answers a list of keys with a list of values
    const models = Array.isArray(body) ? body[0] : (body as { node_models?: unknown }).node_models;
    if (!Array.isArray(models) || !models.every((m) => typeof m === 'string')) {
      throw new ServerError('bad-reply', t('remote.noModels', { label: this.label }));
    }
    return [...models].sort();
  }
}

/** Models a program passes to nest.Create that `models` lacks (names made by CopyModel count as there). */
export function modelsMissingOn(code: string, models: readonly string[]): string[] {
  const known = new Set(models);
  for (const m of code.matchAll(/nest\.CopyModel\(\s*["'][^"']*["']\s*,\s*["']([^"']+)["']/g)) known.add(m[1]);
  const missing = new Set<string>();
  for (const m of code.matchAll(/nest\.Create\(\s*["']([^"']+)["']/g)) if (!known.has(m[1])) missing.add(m[1]);
  return [...missing];
}
