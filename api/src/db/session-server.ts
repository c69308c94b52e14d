import fs from 'node:fs';
import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/*
 * Serves one PGlite to any number of PostgreSQL wire-protocol connections on a Unix socket.
 *
 * PGlite is a single database session. @electric-sql/pglite-socket forwards every connection's
 * messages to it one message at a time, so two connections interleave inside each other's
 * Parse/Bind/Execute sequences and share prepared-statement names: with a connection pool (or a
 * `pnpm cli` beside the server) queries then fail or, worse, run with another query's parameters.
 * Here a connection holds the session from its first message until PGlite answers ReadyForQuery
 * with status idle: its statement, or its whole transaction, runs alone. Clients must not use named
 * prepared statements (the postgres driver's `prepare: false`), since the session is shared.
 */

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

type MessageKind = 'ssl' | 'cancel' | 'startup' | 'terminate' | 'regular';

class Connection {
  private input = Buffer.alloc(0);
  private chain: Promise<void> = Promise.resolve();
  private started = false;
  closed = false;

  constructor(
    readonly socket: net.Socket,
    private readonly server: PGliteSessionServer,
  ) {}

  receive(data: Buffer): void {
    this.input = Buffer.concat([this.input, data]);
    for (let next = this.nextMessage(); next; next = this.nextMessage()) {
      const { kind, message } = next;
      this.chain = this.chain.then(() => this.handle(kind, message)).catch((error) => this.fail(error));
    }
  }

  /** Cuts one whole message off the input: packets before startup have no type byte, the rest do. */
  private nextMessage(): { kind: MessageKind; message: Buffer } | undefined {
    const headerless = !this.started;
    if (this.input.length < (headerless ? 8 : 5)) return undefined;
    const length = headerless ? this.input.readInt32BE(0) : 1 + this.input.readInt32BE(1);
    if (this.input.length < length) return undefined;
    const message = this.input.subarray(0, length);
    this.input = this.input.subarray(length);
    if (!headerless) return { kind: message[0] === TERMINATE ? 'terminate' : 'regular', message };
    const code = message.readInt32BE(4);
    if (code === SSL_REQUEST) return { kind: 'ssl', message };
    if (code === CANCEL_REQUEST) return { kind: 'cancel', message };
    if (code === PROTOCOL_3) this.started = true;
    return { kind: 'startup', message };
  }

  private async handle(kind: MessageKind, message: Buffer): Promise<void> {
    if (this.closed) return;
    // Encryption is pointless on a Unix socket, and a cancel would reach the session, not the query.
    if (kind === 'ssl') return void this.socket.write('N');
    if (kind === 'cancel' || kind === 'terminate') return void this.socket.end();
    await this.server.acquire(this);
    const idle = await this.server.execute(message, (chunk) => {
      // The chunk is a view of PGlite's memory, which the next message overwrites while the socket
      // may still be sending it: send a copy.
      if (!this.closed) this.socket.write(Buffer.from(chunk));
    });
    if (idle) this.server.release(this);
  }

  private fail(error: unknown): void {
    if (!this.closed) this.socket.destroy(error instanceof Error ? error : undefined);
  }
}

export class PGliteSessionServer {
  private server: net.Server | undefined;
  private readonly connections = new Set<Connection>();
  private holder: Connection | null = null;
  private readonly waiting: { connection: Connection; resume: () => void }[] = [];

  constructor(
    private readonly db: PGlite,
    readonly socketPath: string,
  ) {}

  async start(): Promise<void> {
    fs.rmSync(this.socketPath, { force: true });
    this.server = net.createServer((socket) => {
      const connection = new Connection(socket, this);
      this.connections.add(connection);
      socket.on('data', (data) => connection.receive(data));
      socket.on('error', () => socket.destroy());
      socket.on('close', () => void this.drop(connection));
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.socketPath, resolve);
    });
  }

  async stop(): Promise<void> {
    for (const connection of this.connections) connection.socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    fs.rmSync(this.socketPath, { force: true });
  }

  /** Waits until `connection` holds the session (at once if it already does or nobody does). */
  acquire(connection: Connection): Promise<void> {
    if (this.holder === connection) return Promise.resolve();
    if (this.holder === null) {
      this.holder = connection;
      return Promise.resolve();
    }
    return new Promise((resume) => this.waiting.push({ connection, resume }));
  }

  release(connection: Connection): void {
    if (this.holder !== connection) return;
    const next = this.waiting.shift();
    this.holder = next?.connection ?? null;
    next?.resume();
  }

  /** Runs one message; true when PGlite ended its answer with ReadyForQuery, status idle. */
  async execute(message: Uint8Array, send: (chunk: Uint8Array) => void): Promise<boolean> {
    const scan = new ReadyForQueryScanner();
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, {
        onRawData: (chunk) => {
          scan.push(chunk);
          send(chunk);
        },
      }),
    );
    return scan.lastStatus === IDLE;
  }

  /** A connection that goes away while it holds the session gives it back, rolled back if need be. */
  private async drop(connection: Connection): Promise<void> {
    connection.closed = true;
    this.connections.delete(connection);
    const queued = this.waiting.findIndex((w) => w.connection === connection);
    if (queued >= 0) this.waiting.splice(queued, 1);
    if (this.holder !== connection) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => {});
    this.release(connection);
  }
}

/** Follows the server's messages across chunks to learn the status of the last ReadyForQuery. */
class ReadyForQueryScanner {
  private carry = Buffer.alloc(0);
  lastStatus: number | undefined;

  push(chunk: Uint8Array): void {
    let data = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk);
    while (data.length >= 5) {
      const length = 1 + data.readInt32BE(1);
      if (data.length < length) break;
      if (data[0] === READY_FOR_QUERY && length === 6) this.lastStatus = data[5];
      data = data.subarray(length);
    }
    this.carry = Buffer.from(data);
  }
}
