import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILES } from '../../electron/engine/demo-files';
import { facetCounts, facetValues } from '../../electron/engine/explore/facets';
import { sortedCopyReady, tablePage, type TablePageRequest } from '../../electron/engine/explore/table-page';
import { BUCKET_LADDER, bucketExpr, timeSeries } from '../../electron/engine/explore/time-series';
import { ingestFiles } from '../../electron/engine/ingest';
import { sliceAggregates } from '../../electron/engine/slice';
import { Workspace } from '../../electron/engine/workspace';
import { BLOCK_ACTIONS } from '../../shared/domain/guardrail';
import { IS_BLOCKED, type SliceFilter, whereClause } from '../../shared/query/filter';
import { KPI_PERCENTILES, PERCENTILE_MEASURES, SLICE_MEASURES } from '../../shared/query/slice';
import { ParamList, sqlIdent } from '../../shared/query/sql';
import { writeSmallDemo } from '../helpers/api-server';
import { tempDir } from '../helpers/temp';

const arrowRows = (bytes: Uint8Array): Record<string, unknown>[] => tableFromIPC(bytes).toArray().map((r: { toJSON(): Record<string, unknown> }) => r.toJSON());

/** The facet query as written plainly: every call's decisions unnested. */
async function plainFacet(workspace: Workspace, column: string, filter: SliceFilter, search?: string) {
  const params = new ParamList();
  const where = whereClause({ ...filter, where: Object.fromEntries(Object.entries(filter.where ?? {}).filter(([c]) => c !== column)) }, params);
  const field = column === 'guardrail_action' ? 'action' : column === 'guardrail_dimension' ? 'dimension' : null;
  const value = field ? `unnest(list_distinct(list_transform(guardrail_decisions, lambda g: lower(g.${field}))))` : `CAST(${sqlIdent(column)} AS VARCHAR)`;
  const condition = search ? `WHERE contains(lower(value), lower(${params.add(search)}))` : '';
  const rows = await workspace.db.all<{ value: string | null; count: number }>(
    `WITH v AS (SELECT ${value} AS value FROM calls ${where}) SELECT value, count(*) AS count FROM v ${condition} GROUP BY value ORDER BY count DESC, value NULLS LAST`,
    params.values,
  );
  return rows;
}

const PLAIN_AGGREGATES = `CAST(count(*) AS BIGINT) AS requests, CAST(count(error_class) AS BIGINT) AS errors, count(error_class) / count(*) AS error_rate,
  quantile_cont(ttft_ms, 0.5) AS ttft_p50_ms, quantile_cont(ttft_ms, 0.95) AS ttft_p95_ms, quantile_cont(total_ms, 0.5) AS total_p50_ms,
  quantile_cont(total_ms, 0.95) AS total_p95_ms, quantile_cont(decode_ms, 0.95) AS decode_p95_ms,
  CAST(coalesce(sum(tokens_in), 0) AS BIGINT) AS tokens_in, CAST(coalesce(sum(tokens_out), 0) AS BIGINT) AS tokens_out, coalesce(sum(cost_usd), 0) AS cost_usd,
  quantile_cont(cost_usd, 0.5) AS cost_per_request_p50, quantile_cont(cost_usd, 0.99) AS cost_per_request_p99,
  avg(CASE WHEN ${IS_BLOCKED} THEN 1.0 ELSE 0.0 END) AS block_rate`;

describe('explore fast query paths give the results of the plain queries', () => {
  let workspace: Workspace;
  let dir: string;
  let cleanup: () => Promise<void>;
  let feature: string;

  /** The calls of a slice, counted the plain way. */
  async function callsUnder(filter: SliceFilter): Promise<number> {
    const params = new ParamList();
    const rows = await workspace.db.all<{ n: number | bigint }>(`SELECT count(*) AS n FROM calls ${whereClause(filter, params)}`, params.values);
    return Number(rows[0]!.n);
  }

  beforeAll(async () => {
    const temp = await tempDir();
    cleanup = temp.cleanup;
    dir = temp.dir;
    const demo = await writeSmallDemo(join(temp.dir, 'demo'), { days: 9, callsPerDay: 150 });
    workspace = await Workspace.open();
    await ingestFiles(workspace, Object.values(DEMO_FILES).map((name) => ({ path: join(demo, name), uri: name })));
    // Timestamps around and before time_bucket's origin and the epoch, where a truncating modulo would go wrong.
    const odd = ['1969-12-31T23:59:59.999Z', '1999-12-27T13:00:00Z', '2000-01-03T00:00:00Z', '2000-01-09T23:59:59.999999Z', '2026-11-02T00:00:00Z'];
    for (const [i, ts] of odd.entries()) await workspace.db.exec('INSERT INTO calls (request_id, ts) VALUES ($1, CAST($2 AS TIMESTAMPTZ))', [`odd-${i}`, ts]);
    // Decision lists the index must keep apart: none, empty, upper case, a missing action or dimension.
    const lists = [
      'NULL',
      '[]',
      "[{'stage': 'input', 'action': 'BLOCK', 'dimension': 'PII'}]",
      "[{'stage': 'input', 'action': NULL, 'dimension': 'pii'}, {'stage': 'output', 'action': 'Deny', 'dimension': NULL}]",
    ];
    for (const [i, list] of lists.entries()) {
      await workspace.db.exec(`INSERT INTO calls (request_id, ts, feature, ttft_ms, guardrail_decisions) VALUES ($1, TIMESTAMPTZ '2026-10-01 12:00:00+00', 'odd_feature', 100, ${list})`, [`guard-${i}`]);
    }
    feature = (await facetValues(workspace, { column: 'feature', filter: {}, limit: 1 })).values[0]!.value!;
  });
  afterAll(async () => {
    workspace?.close();
    await cleanup?.();
  });

  it('buckets every call in epoch arithmetic exactly as time_bucket does, for every width of the ladder', async () => {
    const calls = (await workspace.db.one<{ n: number }>('SELECT count(*) AS n FROM calls WHERE ts IS NOT NULL'))!.n;
    expect(calls).toBeGreaterThan(1000);
    for (const bucket of BUCKET_LADDER) {
      const rows = await workspace.db.all<{ same: number; distinct_buckets: number }>(
        `SELECT count(*) FILTER (WHERE ${bucketExpr(bucket.ms)} = time_bucket(CAST($1 AS INTERVAL), ts)) AS same,
                count(DISTINCT ${bucketExpr(bucket.ms)}) AS distinct_buckets
         FROM calls WHERE ts IS NOT NULL`,
        [bucket.interval],
      );
      expect({ interval: bucket.interval, same: rows[0]!.same }).toEqual({ interval: bucket.interval, same: calls });
      expect(rows[0]!.distinct_buckets).toBeGreaterThan(1);
    }
  });

  it('counts guardrail facets from the index exactly as unnesting every call does, under any filter', async () => {
    const filters: SliceFilter[] = [
      {},
      { where: { feature: [feature] } },
      { where: { feature: ['odd_feature'] } },
      { where: { guardrail_dimension: ['pii'] } },
      { where: { guardrail_action: ['block', 'deny'], feature: [feature, 'odd_feature'] } },
      { where: { guardrail_action: [...BLOCK_ACTIONS] }, since: '2026-10-01T00:00:00Z' },
    ];
    let blocked = 0;
    for (const filter of filters) {
      for (const column of ['guardrail_action', 'guardrail_dimension']) {
        const fast = await facetValues(workspace, { column, filter, limit: 1000 });
        const plain = await plainFacet(workspace, column, filter);
        expect({ column, filter, values: fast.values }).toEqual({ column, filter, values: plain });
        expect(fast.distinct).toBe(plain.length);
        if (filter.where?.['guardrail_action'] && column === 'guardrail_dimension') blocked += plain.reduce((n, v) => n + v.count, 0);
      }
    }
    expect(blocked).toBeGreaterThan(0);
    const searched = await facetValues(workspace, { column: 'guardrail_dimension', filter: {}, search: 'P', limit: 2 });
    const plain = await plainFacet(workspace, 'guardrail_dimension', {}, 'P');
    expect(searched.values).toEqual(plain.slice(0, 2));
    expect(searched.distinct).toBe(plain.length);
  });

  it('counts a call under the dimensions of its blocking decisions only (the block chart)', async () => {
    // Blocked by its injection check, allowed by its PII check: blocked under injection, not under pii.
    await workspace.db.exec(
      `INSERT INTO calls (request_id, ts, feature, guardrail_decisions) VALUES ('mixed-0', TIMESTAMPTZ '2026-10-01 12:00:00+00', 'mixed_feature',
        [{'stage': 'input', 'action': 'block', 'dimension': 'injection'}, {'stage': 'input', 'action': 'allow', 'dimension': 'pii'}])`,
    );
    const mixed = await facetValues(workspace, { column: 'guardrail_blocked', filter: { where: { feature: ['mixed_feature'] } }, limit: 10 });
    expect(mixed.values).toEqual([{ value: 'injection', count: 1 }]);
    // The filter a bar of the block chart sets selects the calls the bar counts.
    expect(await callsUnder({ where: { feature: ['mixed_feature'], guardrail_blocked: ['injection'] } })).toBe(1);
    expect(await callsUnder({ where: { feature: ['mixed_feature'], guardrail_blocked: ['pii'] } })).toBe(0);
    expect(await callsUnder({ where: { feature: ['mixed_feature'], guardrail_dimension: ['pii'] } })).toBe(1);

    const blocking = `(${BLOCK_ACTIONS.map((a) => `'${a}'`).join(', ')})`;
    for (const filter of [{}, { where: { feature: [feature, 'odd_feature', 'mixed_feature'] } }, { where: { guardrail_action: ['allow'] } }] as SliceFilter[]) {
      const params = new ParamList();
      const where = whereClause(filter, params);
      const plain = await workspace.db.all<{ value: string; count: number }>(
        `WITH d AS (SELECT request_id, unnest(guardrail_decisions) AS g FROM calls ${where})
         SELECT lower(g.dimension) AS value, count(DISTINCT request_id) AS count FROM d
         WHERE lower(g.action) IN ${blocking} AND g.dimension IS NOT NULL GROUP BY 1 ORDER BY count DESC, value`,
        params.values,
      );
      const fast = await facetValues(workspace, { column: 'guardrail_blocked', filter, limit: 1000 });
      expect({ filter, values: fast.values }).toEqual({ filter, values: plain });
      // Each bar's filter selects exactly the calls it counts.
      for (const { value, count } of fast.values) expect(await callsUnder({ ...filter, where: { ...filter.where, guardrail_blocked: [value!] } })).toBe(count);
    }
  });

  it('counts a batch of facets exactly as facetValues counts each one, under any filter', async () => {
    const columns = ['feature', 'tenant_id', 'prompt_version', 'model_requested', 'model_resolved', 'provider', 'error_class', 'finish_reason', 'guardrail_action', 'guardrail_dimension'];
    const tenant = (await facetValues(workspace, { column: 'tenant_id', filter: {}, limit: 1 })).values[0]!.value!;
    const filters: SliceFilter[] = [
      {},
      { where: { feature: [feature] } },
      { where: { feature: [feature, 'odd_feature'], tenant_id: [tenant, ''] } },
      { where: { error_class: [''], feature: [] } },
      { where: { guardrail_action: ['block'] } },
      { where: { guardrail_dimension: ['pii'], guardrail_action: ['block', 'deny'], provider: ['none such'] } },
      { where: { model_resolved: ['none such'] } },
      { where: { feature: [feature] }, since: '2026-10-01T00:00:00Z', until: '2030-01-01T00:00:00Z' },
    ];
    let nonEmpty = 0;
    for (const filter of filters) {
      for (const limit of [3, 1000]) {
        const batch = await facetCounts(workspace, { filter, columns, limit });
        const one = await Promise.all(columns.map((column) => facetValues(workspace, { column, filter, limit })));
        expect({ filter, limit, facets: batch.facets }).toEqual({ filter, limit, facets: one });
        nonEmpty += one.filter((f) => f.values.length > 0).length;
      }
    }
    expect(nonEmpty).toBeGreaterThan(filters.length * 10);
    // Any subset, in any order, repeated columns once.
    const some = await facetCounts(workspace, { filter: { where: { feature: [feature] } }, columns: ['guardrail_dimension', 'feature', 'provider', 'feature'], limit: 5 });
    expect(some.facets.map((f) => f.column)).toEqual(['guardrail_dimension', 'feature', 'provider']);
    expect(some.facets[1]).toEqual(await plainFacet(workspace, 'feature', { where: { feature: [feature] } }).then((values) => ({ column: 'feature', values: values.slice(0, 5), distinct: values.length })));
  });

  it('gives the KPIs of the index path and of the list percentiles exactly as the plain aggregates', async () => {
    for (const filter of [{}, { where: { feature: [feature] } }, { where: { feature: ['odd_feature'] } }, { where: { guardrail_action: ['block'] } }, { where: { feature: ['none such'] } }] as SliceFilter[]) {
      const params = new ParamList();
      const plain = await workspace.db.all(`SELECT ${PLAIN_AGGREGATES} FROM calls ${whereClause(filter, params)}`, params.values);
      expect(await sliceAggregates(workspace, { ...filter, by: [] }, { indexed: true })).toEqual(plain);
      expect(await sliceAggregates(workspace, { ...filter, by: [] })).toEqual(plain);
      // The KPI cards' percentiles only: the same numbers, the others null (their columns are not sorted).
      const skipped = Object.fromEntries(PERCENTILE_MEASURES.filter((m) => !KPI_PERCENTILES.includes(m)).map((m) => [m, null]));
      const kpis = plain.map((row) => ({ ...row, ...skipped }));
      expect(await sliceAggregates(workspace, { ...filter, by: [] }, { indexed: true, percentiles: KPI_PERCENTILES })).toEqual(kpis);
      expect(await sliceAggregates(workspace, { ...filter, by: [] }, { percentiles: KPI_PERCENTILES })).toEqual(kpis);
    }
    const byFeature = await sliceAggregates(workspace, { by: ['feature'] });
    const byFeatureKpis = await sliceAggregates(workspace, { by: ['feature'] }, { percentiles: ['ttft_p95_ms'] });
    expect(byFeatureKpis.map((g) => [g['feature'], g.requests, g.ttft_p95_ms, g.decode_p95_ms])).toEqual(byFeature.map((g) => [g['feature'], g.requests, g.ttft_p95_ms, null]));
  });

  it('gives a series of some measures the same numbers as the series of all of them', async () => {
    const all = await timeSeries(workspace, { filter: {}, buckets: 60, by: 'model_resolved', top: 4 });
    const some = await timeSeries(workspace, { filter: {}, buckets: 60, by: 'model_resolved', top: 4, measures: ['ttft_p50_ms', 'ttft_p95_ms'] });
    expect(some.groups).toEqual(all.groups);
    const pick = (rows: Record<string, unknown>[]) => rows.map((r) => ({ bucket: r['bucket'], group: r['group'], requests: r['requests'], p50: r['ttft_p50_ms'], p95: r['ttft_p95_ms'] }));
    const someRows = arrowRows(some.arrow);
    expect(Object.keys(someRows[0]!)).toEqual(['bucket', 'group', 'requests', 'ttft_p50_ms', 'ttft_p95_ms']);
    expect(pick(someRows)).toEqual(pick(arrowRows(all.arrow)));
    expect(Object.keys(arrowRows(all.arrow)[0]!)).toEqual(['bucket', 'group', ...SLICE_MEASURES]);
  });

  it('splits a series by its top groups, null included, whether the slice has more groups than asked for or not', async () => {
    for (const by of ['error_class', 'tenant_id', 'model_resolved']) {
      const all = await workspace.db.all<{ g: string | null; n: number }>(`SELECT CAST(${sqlIdent(by)} AS VARCHAR) AS g, count(*) AS n FROM calls GROUP BY 1 ORDER BY n DESC, g NULLS LAST`);
      expect(all.length).toBeGreaterThan(2);
      for (const top of [2, all.length, all.length + 3]) {
        const series = await timeSeries(workspace, { filter: {}, buckets: 40, by, top, measures: ['cost_usd'] });
        const groups = all.slice(0, top).map((r) => r.g);
        expect(series.groups).toEqual(groups);
        const plain = await workspace.db.all(
          `SELECT ${bucketExpr(series.bucketMs)} AS bucket, CAST(${sqlIdent(by)} AS VARCHAR) AS g, CAST(count(*) AS BIGINT) AS requests, coalesce(sum(cost_usd), 0) AS cost_usd
           FROM calls WHERE ts IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2 NULLS LAST`,
        );
        const expected = plain.filter((r) => groups.includes(r['g'] as string | null)).map((r) => [r['bucket'], r['g'], r['requests'], r['cost_usd']]);
        const got = arrowRows(series.arrow).map((r) => [new Date(r['bucket'] as number).toISOString(), r['group'], Number(r['requests']), r['cost_usd']]);
        expect(got).toEqual(expected.map(([b, ...rest]) => [new Date(b as string).toISOString(), ...rest]));
      }
    }
  });

  it('pages a large slice from its sorted copy exactly as LIMIT/OFFSET does, at any depth and sort', async () => {
    const COPY = { sortedFrom: 0, shallow: 0 };
    const plainPage = async (request: TablePageRequest) => arrowRows((await tablePage(workspace, request, { sortedFrom: Number.MAX_SAFE_INTEGER })).arrow);
    const cases: Omit<TablePageRequest, 'offset' | 'limit'>[] = [
      { filter: {}, sort: [{ column: 'ts', desc: true }] },
      { filter: { where: { feature: [feature] } }, sort: [{ column: 'total_ms', desc: false }], columns: ['request_id', 'total_ms', 'guardrail_decisions'] },
      { filter: {}, sort: [{ column: 'error_class', desc: false }, { column: 'ttft_ms', desc: true }] },
    ];
    for (const base of cases) {
      const total = (await tablePage(workspace, { ...base, offset: 0, limit: 1 })).total;
      expect(total).toBeGreaterThan(100);
      // A deep page first (built after it is served), then pages from the copy: the start, the middle, past the end.
      for (const offset of [total - 7, 0, Math.floor(total / 2), total - 7, total + 5]) {
        const request = { ...base, offset, limit: 40 };
        const fast = await tablePage(workspace, request, COPY);
        await sortedCopyReady(workspace);
        expect(fast.total).toBe(total);
        expect({ offset, rows: arrowRows(fast.arrow) }).toEqual({ offset, rows: await plainPage(request) });
      }
    }
    // Slices asked at once replace each other's copy: every page is still its own slice's.
    const racing = [...cases, ...cases].map((base, i) => ({ ...base, offset: 50 + i * 13, limit: 30 }));
    const pages = await Promise.all(racing.map((request) => tablePage(workspace, request, COPY)));
    await sortedCopyReady(workspace);
    for (const [i, request] of racing.entries()) expect({ i, rows: arrowRows(pages[i]!.arrow) }).toEqual({ i, rows: await plainPage(request) });
    // New calls make a new copy: the last one built (the last case) no longer answers.
    const last = cases[cases.length - 1]!;
    const before = (await tablePage(workspace, { ...last, offset: 0, limit: 1 }, COPY)).total;
    const file = join(dir, 'late.jsonl');
    await writeFile(file, `${JSON.stringify({ request_id: 'late-1', ts: '2030-01-01T00:00:00Z', feature: 'late', ttft_ms: 1 })}\n`);
    await ingestFiles(workspace, [{ path: file, uri: 'late.jsonl' }]);
    const request = { ...last, offset: before - 20, limit: 40 };
    await tablePage(workspace, request, COPY);
    await sortedCopyReady(workspace);
    const after = await tablePage(workspace, request, COPY);
    expect(after.total).toBe(before + 1);
    const rows = arrowRows(after.arrow);
    expect(rows).toEqual(await plainPage(request));
    expect(rows.map((r) => r['request_id'])).toContain('late-1');
  });

  it('rebuilds the index when calls are added', async () => {
    const before = (await facetValues(workspace, { column: 'guardrail_action', filter: {}, limit: 50 })).values;
    const file = join(dir, 'more.jsonl');
    await writeFile(file, `${JSON.stringify({ request_id: 'more-1', ts: '2026-10-02T00:00:00Z', guardrail_decisions: [{ stage: 'input', action: 'quarantine', dimension: 'pii' }] })}\n`);
    await ingestFiles(workspace, [{ path: file, uri: 'more.jsonl' }]);
    const after = (await facetValues(workspace, { column: 'guardrail_action', filter: {}, limit: 50 })).values;
    expect(after).toEqual(await plainFacet(workspace, 'guardrail_action', {}));
    expect(after.find((v) => v.value === 'quarantine')?.count).toBe(1);
    expect(before.find((v) => v.value === 'quarantine')).toBeUndefined();
  });

  it('counts guardrail facets and the block rate exactly when a slice holds thousands of distinct decision lists', async () => {
    await workspace.db.exec(`INSERT INTO calls (request_id, ts, feature, guardrail_decisions)
      SELECT 'many-' || i, TIMESTAMPTZ '2026-10-03 00:00:00+00', 'many_lists', [{'stage': 'input', 'action': CASE WHEN i % 3 = 0 THEN 'block' ELSE 'allow' END, 'dimension': 'dim_' || i}]
      FROM range(6000) t(i)`);
    const filter: SliceFilter = { where: { feature: ['many_lists'] } };
    for (const column of ['guardrail_action', 'guardrail_dimension']) {
      const fast = await facetValues(workspace, { column, filter, limit: 1000 });
      const plain = await plainFacet(workspace, column, filter);
      expect(fast.values).toEqual(plain.slice(0, 1000));
      expect(fast.distinct).toBe(plain.length);
    }
    const batch = await facetCounts(workspace, { filter, columns: ['guardrail_action', 'guardrail_dimension'], limit: 5 });
    expect(batch.facets).toEqual(await Promise.all(['guardrail_action', 'guardrail_dimension'].map((column) => facetValues(workspace, { column, filter, limit: 5 }))));
    const params = new ParamList();
    const plain = await workspace.db.all(`SELECT ${PLAIN_AGGREGATES} FROM calls ${whereClause(filter, params)}`, params.values);
    expect(await sliceAggregates(workspace, { ...filter, by: [] }, { indexed: true })).toEqual(plain);
    expect(plain[0]!['block_rate']).toBeCloseTo(1 / 3, 3);
  });
});
