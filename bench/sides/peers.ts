import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Side, stringArg, timed } from './side';

interface Group {
  requests: number;
  errors: number;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  ttft: number[];
  total: number[];
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** A hand-written Node pass: readline + JSON.parse per line, the slice's group-by in plain objects. */
export const nodeReadline: Side = async (args) => {
  const file = stringArg(args, 'file');
  const { ms, value } = await timed(async () => {
    const groups = new Map<string, Group>();
    let lines = 0;
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (line === '') continue;
      const call = JSON.parse(line) as { feature: string; prompt_version: string; error_class: string | null; tokens_in: number; tokens_out: number; cost_usd: number; latency_ms: { ttft: number | null; total: number } };
      lines++;
      const key = `${call.feature}\u0000${call.prompt_version}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { requests: 0, errors: 0, tokensIn: 0, tokensOut: 0, cost: 0, ttft: [], total: [] }));
      g.requests++;
      if (call.error_class) g.errors++;
      g.tokensIn += call.tokens_in;
      g.tokensOut += call.tokens_out;
      g.cost += call.cost_usd;
      if (call.latency_ms.ttft !== null) g.ttft.push(call.latency_ms.ttft);
      g.total.push(call.latency_ms.total);
    }
    for (const g of groups.values()) {
      g.ttft.sort((a, b) => a - b);
      g.total.sort((a, b) => a - b);
      quantile(g.ttft, 0.5);
      quantile(g.ttft, 0.95);
      quantile(g.total, 0.95);
    }
    return { lines, groups: groups.size };
  });
  return { ms, rows: value.lines, detail: { groups: value.groups } };
};
