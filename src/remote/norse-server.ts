/**
 * Norse Server client: NEST Desktop's Norse workspace runs programs on a small Flask server with
 * the same /exec protocol as NEST Server (default port 11428, no access token); GET / names the
 * Norse and torch versions. /work/shared/reference/norse.md.
 */
import { ExecServerClient, type ExecServerOptions } from './exec-server';

export const NORSE_SERVER_DEFAULT_URL = 'http://127.0.0.1:11428';

export class NorseServerClient extends ExecServerClient {
  constructor(options: ExecServerOptions) {
    super({ kind: 'norse-server', name: 'Norse Server', versionKey: 'norse', simulator: 'Norse' }, options);
  }
}
