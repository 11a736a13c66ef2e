import { Db } from './db';
import { createSchema } from './schema';

export interface WorkspaceOptions {
  /** The workspace file; omitted for an in-memory workspace (raw dumps opened for one command). */
  readonly path?: string;
  readonly readOnly?: boolean;
  /** DuckDB's memory limit (e.g. '1GB'); beyond it, work spills to `tempDirectory`. */
  readonly memoryLimit?: string;
  readonly tempDirectory?: string;
}

/** An open TraceLens workspace: the DuckDB database holding calls, scores, spans and ingest reports. */
export class Workspace {
  private constructor(
    readonly db: Db,
    readonly path: string | undefined,
  ) {}

  static async open(options: WorkspaceOptions = {}): Promise<Workspace> {
    const db = await Db.open({ path: options.path, readOnly: options.readOnly, memoryLimit: options.memoryLimit, tempDirectory: options.tempDirectory });
    if (!options.readOnly) await createSchema(db);
    return new Workspace(db, options.path);
  }

  async checkpoint(): Promise<void> {
    if (this.path) await this.db.exec('CHECKPOINT');
  }

  /** Settles when the database is closed (at once unless a statement was still running: it is interrupted). */
  close(): Promise<void> {
    return this.db.close();
  }
}
