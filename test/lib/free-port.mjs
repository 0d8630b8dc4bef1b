import { createServer } from 'node:net';

/**
 * Ask the OS for a localhost port nobody uses right now. Several test runs (and other people's
 * dev servers) share this machine, so fixed ports like 8000 or 5173 would collide.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
