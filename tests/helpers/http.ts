import type { Server } from 'node:http';

/** The app listening on a free port of 127.0.0.1: its base URL, and a way to stop it. */
export async function listen(app: {
  listen(port: number, host: string, ready: () => void): Server;
}): Promise<{ base: string; server: Server; close(): void }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { base: `http://127.0.0.1:${port}`, server, close: () => server.close() };
}
