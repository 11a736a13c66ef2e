import { type DuckDBConnection, DuckDBInstance, type DuckDBResultReader, type DuckDBValue } from '@duckdb/node-api';
import type { SqlParam } from '../../shared/query/sql';
import { ENGINE_MACROS } from '../../shared/query/macros';
import { EngineError } from './errors';

export type Row = Record<string, unknown>;

/** Plain JSON-friendly values: integers as numbers, timestamps as ISO strings. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Row = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return value;
}

const TRACE_SQL = process.env['TRACELENS_TRACE_SQL'] === '1';

/** With TRACELENS_TRACE_SQL=1, every statement's time goes to stderr: the first stop when a load is slow. */
function traceSql(sql: string, started: number): void {
  if (TRACE_SQL) process.stderr.write(`[sql ${(performance.now() - started).toFixed(0)} ms] ${sql.replace(/\s+/g, ' ').slice(0, 120)}\n`);
}

export interface DbOptions {
  /** File of a saved workspace; omitted for an in-memory one. */
  readonly path?: string;
  readonly readOnly?: boolean;
  readonly memoryLimit?: string;
  readonly tempDirectory?: string;
}

/** Statements that only read the workspace's own tables, answered by any of a few connections. */
export interface Reader {
  all<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  one<T extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  read(sql: string, params?: readonly SqlParam[]): Promise<DuckDBResultReader>;
}

/** Connections of the reader pool (besides the engine's own; 0: none, reads go to the engine's connection). */
const READERS = Math.max(0, Number(process.env['TRACELENS_DB_READERS'] ?? 2) || 0);

/**
 * A connection and the statements waiting for it, run one at a time. DuckDB runs one statement per
 * connection at a time; one sent to a busy connection would wait inside one of the few threads libuv
 * lends to native work, where it can hold up statements bound for idle connections.
 */
class Lane {
  queued = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connection: Promise<DuckDBConnection>,
    private readonly closed: () => boolean,
  ) {}

  run<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    this.queued++;
    const result = this.tail.then(async () => {
      if (this.closed()) throw new EngineError('internal', 'the workspace was closed');
      return work(await this.connection);
    });
    this.tail = result.then(
      () => this.queued--,
      () => this.queued--,
    );
    return result;
  }
}

/** One DuckDB database and the connection the engine runs its statements on. */
export class Db {
  private readonly readers: Lane[] = [];
  private readonly open: DuckDBConnection[] = [];
  /** Statements not settled yet: closing under a running one would wait for it forever. */
  private readonly running = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  /** Keeps `work` in `running` until it settles; statements after close fail with a clear message. */
  private track<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new EngineError('internal', 'the workspace was closed'));
    const promise = work();
    this.running.add(promise);
    const settle = () => this.running.delete(promise);
    promise.then(settle, settle);
    return promise;
  }

  private constructor(
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly path: string | undefined,
  ) {}

  /**
   * Reads that can run beside each other: the panels of one refresh ask a dozen independent questions,
   * which one connection would answer one after another. Connections of one instance share its data and
   * cache, not TEMP tables: statements on those stay on `all`/`read`.
   */
  readonly reader: Reader = {
    all: <T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> => this.pooled(sql, params).then((r) => r.getRowObjectsJS().map((o) => plain(o) as T)),
    one: <T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T | undefined> => this.reader.all<T>(sql, params).then((rows) => rows[0]),
    read: (sql: string, params: readonly SqlParam[] = []): Promise<DuckDBResultReader> => this.pooled(sql, params),
  };

  private async pooled(sql: string, params: readonly SqlParam[]): Promise<DuckDBResultReader> {
    if (READERS === 0) return this.read(sql, params);
    const started = performance.now();
    const reader = await this.track(() => this.readerLane().run((connection) => connection.runAndReadAll(sql, params as DuckDBValue[])));
    traceSql(sql, started);
    return reader;
  }

  /** The reader with the fewest statements queued (a new one while the pool is not full). */
  private readerLane(): Lane {
    const idle = this.readers.find((lane) => lane.queued === 0);
    if (idle) return idle;
    if (this.readers.length < READERS) {
      const lane = new Lane(
        this.instance.connect().then(async (connection) => {
          this.open.push(connection);
          await connection.run("SET TimeZone = 'UTC'");
          for (const macro of ENGINE_MACROS) await connection.run(macro);
          return connection;
        }),
        () => this.closing !== undefined,
      );
      this.readers.push(lane);
      return lane;
    }
    return this.readers.reduce((a, b) => (b.queued < a.queued ? b : a));
  }

  static async open(options: DbOptions = {}): Promise<Db> {
    const config: Record<string, string> = {};
    if (options.readOnly) config['access_mode'] = 'READ_ONLY';
    if (options.memoryLimit) config['memory_limit'] = options.memoryLimit;
    if (options.tempDirectory) config['temp_directory'] = options.tempDirectory;
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(options.path ?? ':memory:', config);
    } catch (error) {
      throw translateOpenError(error, options.path);
    }
    const connection = await instance.connect();
    const db = new Db(instance, connection, options.path);
    await db.exec("SET TimeZone = 'UTC'");
    await db.exec('SET preserve_insertion_order = false');
    for (const macro of ENGINE_MACROS) await db.exec(macro);
    return db;
  }

  async exec(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    const started = performance.now();
    const result = await this.track(() => this.connection.run(sql, params as DuckDBValue[]));
    traceSql(sql, started);
    return result.rowsChanged;
  }

  async all<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const started = performance.now();
    const reader = await this.track(() => this.connection.runAndReadAll(sql, params as DuckDBValue[]));
    traceSql(sql, started);
    return reader.getRowObjectsJS().map((r) => plain(r) as T);
  }

  /** The result as DuckDB values, for conversions that need the column types (Arrow). */
  async read(sql: string, params: readonly SqlParam[] = []): Promise<DuckDBResultReader> {
    const started = performance.now();
    const reader = await this.track(() => this.connection.runAndReadAll(sql, params as DuckDBValue[]));
    traceSql(sql, started);
    return reader;
  }

  async one<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /**
   * Runs `sql` and yields its rows a chunk at a time, for results too large to hold in memory at once.
   * The stream has a connection of its own: a statement run on the shared connection meanwhile (the app
   * asks for other things during a long scan) would otherwise end the stream early, silently. TEMP
   * tables of the shared connection are not visible to it.
   */
  async *stream<T extends Row = Row>(sql: string, params: readonly SqlParam[] = []): AsyncGenerator<T[]> {
    const connection = await this.instance.connect();
    this.open.push(connection);
    try {
      const started = performance.now();
      const result = await this.track(() => connection.stream(sql, params as DuckDBValue[]));
      traceSql(sql, started);
      for await (const rows of result.yieldRowObjectJs()) yield rows.map((r) => plain(r) as T);
    } finally {
      const at = this.open.indexOf(connection);
      if (at >= 0) this.open.splice(at, 1)[0]!.closeSync();
    }
  }

  /** Runs `sql` while `onProgress` is called with DuckDB's own progress estimate. */
  async execWithProgress(sql: string, params: readonly SqlParam[], onProgress?: (fraction: number) => void): Promise<number> {
    if (!onProgress) return this.exec(sql, params);
    const timer = setInterval(() => {
      const p = this.connection.progress;
      if (p.percentage >= 0) onProgress(Math.min(1, p.percentage / 100));
    }, 200);
    try {
      return await this.exec(sql, params);
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * Closes at once when nothing runs. A statement still running (a background build of the calls
   * table's sorted copy, a drift run the user walked away from) is interrupted first: closing under it
   * would block until it finished, which with DuckDB's native threads can be forever. The promise settles
   * when the database is really closed.
   */
  close(): Promise<void> {
    this.closing ??= this.closeAll();
    return this.closing;
  }

  private async closeAll(): Promise<void> {
    if (this.running.size > 0) {
      for (const connection of [this.connection, ...this.open]) connection.interrupt();
      await Promise.allSettled([...this.running]);
    }
    for (const connection of this.open.splice(0)) connection.closeSync();
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function translateOpenError(error: unknown, path: string | undefined): EngineError {
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock/i.test(message)) {
    return new EngineError('workspace_locked', `${path} is open in another TraceLens process; close it there first (DuckDB allows one writer per workspace file).`);
  }
  if (/not a valid DuckDB database|Could not read from file|database file .* is not/i.test(message)) {
    return new EngineError('bad_workspace', `${path} is not a TraceLens workspace (DuckDB) file.`);
  }
  return new EngineError('workspace_open_failed', `cannot open workspace ${path ?? '(in memory)'}: ${firstLine(message)}`);
}

export function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
