/**
 * SQL macros every engine connection defines (as TEMP macros, so they never land
 * in a saved workspace). They keep the per-format mapping SQL short.
 */
export const ENGINE_MACROS: readonly string[] = [
  // ISO 8601 text, or an epoch number in seconds, milliseconds, microseconds or nanoseconds. No number
  // holds a ':' and a time of day does: such text skips the number parse, which fails at a cost (DuckDB
  // writes an error text for each failed TRY_CAST: about 3% of a clean JSONL load's instructions).
  `CREATE OR REPLACE TEMP MACRO tl_ts(v) AS (
    CASE
      WHEN v IS NULL THEN NULL
      WHEN contains(v, ':') THEN TRY_CAST(v AS TIMESTAMPTZ)
      WHEN TRY_CAST(v AS DOUBLE) IS NOT NULL THEN
        CASE
          WHEN abs(TRY_CAST(v AS DOUBLE)) >= 1e17 THEN to_timestamp(TRY_CAST(v AS DOUBLE) / 1e9)
          WHEN abs(TRY_CAST(v AS DOUBLE)) >= 1e14 THEN to_timestamp(TRY_CAST(v AS DOUBLE) / 1e6)
          WHEN abs(TRY_CAST(v AS DOUBLE)) >= 1e11 THEN to_timestamp(TRY_CAST(v AS DOUBLE) / 1e3)
          ELSE to_timestamp(TRY_CAST(v AS DOUBLE))
        END
      ELSE TRY_CAST(v AS TIMESTAMPTZ)
    END)`,
  `CREATE OR REPLACE TEMP MACRO tl_text_list(j) AS (
    CASE WHEN json_type(j) = 'ARRAY' THEN json_transform(j, '["VARCHAR"]') END)`,
  `CREATE OR REPLACE TEMP MACRO tl_tool_calls(j) AS (
    CASE WHEN json_type(j) = 'ARRAY' THEN
      list_transform(
        json_transform(j, '[{"name":"VARCHAR","tool":"VARCHAR","args_hash":"VARCHAR","args":"JSON","arguments":"JSON","latency_ms":"DOUBLE"}]'),
        lambda t: {'name': coalesce(t.name, t.tool), 'args_hash': t.args_hash, 'args': CAST(coalesce(t.args, t.arguments) AS VARCHAR), 'latency_ms': t.latency_ms})
    END)`,
  `CREATE OR REPLACE TEMP MACRO tl_guardrails(j) AS (
    CASE WHEN json_type(j) = 'ARRAY' THEN
      list_transform(
        json_transform(j, '[{"stage":"VARCHAR","action":"VARCHAR","dimension":"VARCHAR","decision":"VARCHAR","rail":"VARCHAR"}]'),
        lambda g: {'stage': coalesce(g.stage, g.rail), 'action': coalesce(g.action, g.decision), 'dimension': g.dimension})
    END)`,
  // A score value: a number, or a verdict word (thumbs up/down, pass/fail) as 1 or 0.
  `CREATE OR REPLACE TEMP MACRO tl_score_value(v) AS (
    coalesce(TRY_CAST(v AS DOUBLE),
      CASE WHEN lower(trim(CAST(v AS VARCHAR))) IN ('up', 'thumbs_up', 'thumbsup', 'positive', 'pass', 'passed', 'true', 'yes', 'good', 'correct') THEN 1.0
           WHEN lower(trim(CAST(v AS VARCHAR))) IN ('down', 'thumbs_down', 'thumbsdown', 'negative', 'fail', 'failed', 'false', 'no', 'bad', 'incorrect') THEN 0.0
      END))`,
  // The text of an OTLP AnyValue (arrays as a JSON list of their items' text).
  `CREATE OR REPLACE TEMP MACRO tl_otlp_value(v) AS (
    coalesce(v.stringValue, v.intValue, CAST(v.doubleValue AS VARCHAR), CAST(v.boolValue AS VARCHAR),
      CASE WHEN v.arrayValue IS NOT NULL THEN CAST(to_json(list_transform(v.arrayValue."values",
        lambda x: coalesce(x.stringValue, x.intValue, CAST(x.doubleValue AS VARCHAR), CAST(x.boolValue AS VARCHAR)))) AS VARCHAR) END))`,
  // One "key":value member of a JSON object (a missing value as null).
  `CREATE OR REPLACE TEMP MACRO tl_json_member(k, v) AS (to_json(k) || ':' || coalesce(to_json(v), 'null'))`,
  // Span and resource attributes (parallel lists of keys and texts) as one JSON object: span attributes win, the
  // first of a repeated key wins. The members are joined as text (array_to_string skips the NULL of a key left
  // out): half the work of to_json on a list of {k, v} structs rewritten with replace, or of to_json on a MAP.
  `CREATE OR REPLACE TEMP MACRO tl_otlp_json(ak, av, rk, rv) AS (
    CAST('{' || array_to_string(list_concat(
      list_transform(range(1, len(rk) + 1), lambda i: CASE WHEN rk[i] IS NOT NULL AND list_position(rk, rk[i]) = i AND NOT list_contains(ak, rk[i]) THEN tl_json_member(rk[i], rv[i]) END),
      list_transform(range(1, len(ak) + 1), lambda i: CASE WHEN ak[i] IS NOT NULL AND list_position(ak, ak[i]) = i THEN tl_json_member(ak[i], av[i]) END)), ',') || '}' AS JSON))`,
];
