import { DuckDBInstance } from '@duckdb/node-api';
import { ingestFiles } from '../../electron/engine/ingest';
import { Workspace } from '../../electron/engine/workspace';
import { resolveSources } from '../../electron/sources/resolve';
import { optionalString, type Side, stringArg, timed } from './side';

/** TraceLens: detect, map, check and load a dump, as `tracelens ingest` does. */
export const tracelensIngest: Side = async (args) => {
  const file = stringArg(args, 'file');
  const { ms, value: report } = await timed(async () => {
    const workspace = await Workspace.open({ path: optionalString(args, 'db'), memoryLimit: optionalString(args, 'memoryLimit'), tempDirectory: optionalString(args, 'tempDirectory') });
    try {
      return await ingestFiles(workspace, await resolveSources([file]));
    } finally {
      workspace.close();
    }
  });
  return {
    ms,
    rows: report.rows.calls,
    detail: { spans: report.rows.spans, skipped: report.skipped, reported: report.errors.length, firstBadLine: report.errors[0]?.line ?? null },
  };
};

const READERS: Record<string, string> = {
  json: `read_json($1, format = 'newline_delimited')`,
  'json-ignore-errors': `read_json($1, format = 'newline_delimited', ignore_errors = true)`,
  parquet: 'read_parquet($1)',
};

/** The physical limit: DuckDB's own reader straight into a table, nothing checked or mapped. */
export const duckdbIngest: Side = async (args) => {
  const file = stringArg(args, 'file');
  const reader = READERS[stringArg(args, 'reader')];
  if (!reader) throw new Error(`unknown reader ${args['reader']}`);
  const config: Record<string, string> = {};
  const memoryLimit = optionalString(args, 'memoryLimit');
  const tempDirectory = optionalString(args, 'tempDirectory');
  if (memoryLimit) config['memory_limit'] = memoryLimit;
  if (tempDirectory) config['temp_directory'] = tempDirectory;
  const { ms, value: rows } = await timed(async () => {
    const instance = await DuckDBInstance.create(optionalString(args, 'db') ?? ':memory:', config);
    const connection = await instance.connect();
    try {
      // The engine's own session settings, so the comparison is reader against reader.
      await connection.run('SET preserve_insertion_order = false');
      await connection.run(`CREATE TABLE t AS SELECT * FROM ${reader}`, [file]);
      if (optionalString(args, 'db')) await connection.run('CHECKPOINT');
      return Number((await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
  return { ms, rows };
};
