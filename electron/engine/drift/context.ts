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
    return this.bucketStart(asOf, widthMs, this.bucketIndex(asOf, widthMs, column));
  }

  /** Which `widthMs` bucket before `asOf` holds `column` (1 = the latest): a cheap integer to group on. */
  bucketIndex(asOf: Date, widthMs: number, column = 'ts'): string {
    return `CAST(ceil((${this.int(asOf.getTime())} - epoch_ms(${column})) / ${this.int(widthMs)}) AS BIGINT)`;
  }

  /** Start of bucket number `index` (see bucketIndex), as `bucket` reports it. */
  bucketStart(asOf: Date, widthMs: number, index: string): string {
    return `to_timestamp((${this.int(asOf.getTime())} - ${index} * ${this.int(widthMs)}) / 1000.0)`;
  }
}
