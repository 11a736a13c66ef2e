import type { PriceTable } from '../../../shared/metrics/prices';
import type { DriftRules } from '../../../shared/drift/rules';
import { ParamList } from '../../../shared/query/sql';
import type { Db } from '../db';
import type { SharedScans } from './shared-scans';

/** What every check's queries need: the database, "now", the rules and the price table. */
export interface DriftContext {
  readonly db: Db;
  readonly asOf: Date;
  /** Earliest call, for how much baseline exists. */
  readonly firstTs: Date;
  readonly rules: DriftRules;
  readonly prices: PriceTable;
  /** Scans several checks read, run once per drift run. */
  readonly scans: SharedScans;
}

/** A parameter list with helpers for the times every drift query binds. */
export class DriftParams extends ParamList {
  time(value: Date | string): string {
    return `CAST(${this.add(typeof value === 'string' ? value : value.toISOString())} AS TIMESTAMPTZ)`;
  }

  num(value: number): string {
    return `CAST(${this.add(value)} AS DOUBLE)`;
  }

  int(value: number): string {
    return `CAST(${this.add(Math.round(value))} AS BIGINT)`;
  }

  /**
   * Start of the `widthMs` bucket holding `column`, buckets aligned to end at `asOf`.
   * Plain epoch arithmetic: DuckDB's time_bucket on TIMESTAMPTZ goes through ICU and is far slower.
   */
  bucket(asOf: Date, widthMs: number, column = 'ts'): string {
    const end = this.int(asOf.getTime());
    const width = this.int(widthMs);
    return `to_timestamp((${end} - CAST(ceil((${end} - epoch_ms(${column})) / ${width}) AS BIGINT) * ${width}) / 1000.0)`;
  }
}
