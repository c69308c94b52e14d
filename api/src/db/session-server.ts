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
const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

/** SQLSTATE lock_not_available: what PostgreSQL answers a statement that gave up waiting for a lock. */
export const SESSION_BUSY_CODE = '55P03';

type MessageKind = 'ssl' | 'cancel' | 'startup' | 'terminate' | 'regular';

class Connection {
  private input = Buffer.alloc(0);
  private chain: Promise<void> = Promise.resolve();
  private started = false;
  /** After a refused wait: the rest of the refused query's messages are dropped up to its Sync. */
  private discarding = false;
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
    if (this.discarding) {
      // As PostgreSQL does after an error in the extended protocol: skip to Sync, then say ready.
      if (message[0] === SYNC) {
        this.discarding = false;
        this.socket.write(readyForQuery());
      }
      return;
    }
    if (!(await this.server.acquire(this))) return this.refuse(kind, message);
    const idle = await this.server.execute(message, (chunk) => {
      // The chunk is a view of PGlite's memory, which the next message overwrites while the socket
      // may still be sending it: send a copy.
      if (!this.closed) this.socket.write(Buffer.from(chunk));
    });
    if (idle) this.server.release(this);
  }

  /** The session stayed held past the wait allowed: this query is answered with an error instead. */
  private refuse(kind: MessageKind, message: Buffer): void {
    const waited = this.server.maxWaitMs ?? 0;
    this.socket.write(
      errorResponse(
        SESSION_BUSY_CODE,
        `the embedded database is busy writing (an import) and did not answer within ${waited / 1000} s; try again shortly`,
      ),
    );
    if (kind === 'startup') return void this.socket.end();
    if (message[0] === SIMPLE_QUERY) this.socket.write(readyForQuery());
    else if (message[0] === SYNC) this.socket.write(readyForQuery());
    else this.discarding = true;
  }

  private fail(error: unknown): void {
    if (!this.closed) this.socket.destroy(error instanceof Error ? error : undefined);
  }
}

/** Who holds the session: a connection, or the server's own health check. */
type Holder = Connection | object;

export class PGliteSessionServer {
  private server: net.Server | undefined;
  private readonly connections = new Set<Connection>();
  private holder: Holder | null = null;
  private readonly waiting: { connection: Holder; resume: () => void }[] = [];

  /**
   * @param maxWaitMs The longest a query waits for the session another connection holds (a long
   *   transaction: an import writing) before it is answered SQLSTATE 55P03; unbounded when omitted.
   */
  constructor(
    private readonly db: PGlite,
    readonly socketPath: string,
    readonly maxWaitMs?: number,
  ) {}

  /** Whether a connection holds the session inside a transaction (an import writing, say). */
  get busy(): boolean {
    return this.holder !== null && this.db.isInTransaction();
  }

  /**
   * Whether PGlite answers: 'busy' at once while a transaction holds the session (a long import is
   * not an outage), else `select 1` run next, ahead of the queue, as a connection of its own would.
   */
  async ping(): Promise<'ok' | 'busy'> {
    if (this.busy) return 'busy';
    const pinger = {};
    if (!(await this.acquire(pinger, { first: true }))) return 'busy';
    try {
      await this.db.query('select 1');
      return 'ok';
    } finally {
      this.release(pinger);
    }
  }

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

  /**
   * Waits until `connection` holds the session (at once if it already does or nobody does); false
   * when the wait allowed ran out first, and the connection is no longer in the queue.
   */
  acquire(connection: Holder, { first = false } = {}): Promise<boolean> {
    if (this.holder === connection) return Promise.resolve(true);
    if (this.holder === null) {
      this.holder = connection;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const entry = { connection, resume: () => resolve(true) };
      if (first) this.waiting.unshift(entry);
      else this.waiting.push(entry);
      if (this.maxWaitMs === undefined) return;
      entry.resume = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(entry);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        resolve(false);
      }, this.maxWaitMs);
    });
  }

  release(connection: Holder): void {
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

function readyForQuery(): Buffer {
  return Buffer.from([READY_FOR_QUERY, 0, 0, 0, 5, IDLE]);
}

/** An ErrorResponse message with severity, SQLSTATE and message fields. */
function errorResponse(code: string, text: string): Buffer {
  const fields = Buffer.concat(
    [
      ['S', 'ERROR'],
      ['V', 'ERROR'],
      ['C', code],
      ['M', text],
    ].map(([type, value]) => Buffer.from(`${type}${value}\0`, 'utf8')),
  );
  const header = Buffer.alloc(5);
  header[0] = 0x45; // 'E'
  header.writeInt32BE(4 + fields.length + 1, 1);
  return Buffer.concat([header, fields, Buffer.from([0])]);
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
