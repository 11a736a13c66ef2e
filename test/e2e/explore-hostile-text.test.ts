import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppUnderTest, startApp } from './helpers/app';
import { goto, numberOf } from './explore-helpers';

/** Markup that would run or load something if any view rendered trace text as HTML. */
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const BIDI = 'invoice\u202Egpj.exe\u202C';
const HIDDEN = 'zero\u200Bwidth';
const PAYLOAD = `${IMG}${SCRIPT}`;

function hostileCall(i: number): Record<string, unknown> {
  const text = (field: string) => `${field}:${PAYLOAD}`;
  return {
    request_id: `req-${i}-${IMG}`,
    trace_id: `trace-${i % 2}-${SCRIPT}`,
    span_id: `span-${i}`,
    ts: new Date(Date.UTC(2026, 10, 1, 12, i * 7)).toISOString(),
    feature: i % 2 ? PAYLOAD : BIDI,
    tenant_id: text('tenant'),
    prompt_version: text('prompt'),
    model_requested: text('model'),
    model_resolved: text('model'),
    provider: text('provider'),
    tokens_in: 100 + i,
    tokens_out: 50 + i,
    cost_usd: 0.001 * (i + 1),
    ttft_ms: 200 + 40 * i,
    total_ms: 1500 + 100 * i,
    finish_reason: text('finish'),
    error_class: i % 3 === 0 ? text('error') : null,
    messages_hash: `hash-${i}`,
    locale: text('locale'),
    provider_request_id: text('provider-request'),
    input_preview: `${IMG} ${BIDI} ${HIDDEN}`,
    output_preview: `${SCRIPT} **bold** [link](javascript:alert(1))`,
    retrieval_ids: [text('doc'), IMG],
    tool_calls: [{ name: text('tool'), args_hash: text('args'), latency_ms: 12 }],
    guardrail_decisions: [{ stage: text('stage'), action: i % 2 ? 'block' : 'allow', dimension: text('dimension') }],
  };
}

describe('hostile trace text in every view', () => {
  let app: AppUnderTest;
  const calls = Array.from({ length: 12 }, (_, i) => hostileCall(i));

  beforeAll(async () => {
    app = await startApp({
      sources: async (home) => {
        const path = join(home, 'hostile.jsonl');
        const score = { request_id: calls[1]!['request_id'], name: `faithfulness${IMG}`, value: 0.4, label: SCRIPT, source: 'judge', comment: BIDI, ts: '2026-11-01T13:00:00Z' };
        await writeFile(path, calls.map((c) => JSON.stringify(c)).join('\n') + '\n');
        await writeFile(join(home, 'scores.jsonl'), JSON.stringify(score) + '\n');
        return [path, join(home, 'scores.jsonl')];
      },
    });
  });
  afterAll(() => app?.close());

  it('shows the text literally, with bidi and invisible characters escaped, and runs nothing', async () => {
    const { page, problems } = await app.open();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
    const injected = () => page.evaluate(() => document.querySelectorAll('img[src="x"], main script, [onerror]').length);

    await expect.poll(() => numberOf(page.getByTestId('kpi-requests'))).toBe(calls.length);
    const features = page.getByTestId('facet-feature').getByTestId('facet-value');
    await expect.poll(() => features.count()).toBe(2);
    expect(await features.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')).sort())).toEqual([PAYLOAD, BIDI].sort());
    const shown = await page.getByTestId('facet-feature').textContent();
    expect(shown).toContain(PAYLOAD);
    expect(shown).toContain('invoice⟨U+202E⟩gpj.exe⟨U+202C⟩');
    expect(shown).not.toContain('\u202E');
    await page.getByTestId('facet-tenant_id').getByTestId('facet-value').first().waitFor();
    expect(await page.getByTestId('facet-tenant_id').textContent()).toContain(`tenant:${PAYLOAD}`);

    // Filter by the payload itself: the chip shows it as text and the count follows.
    await features.filter({ hasText: IMG }).click();
    await expect.poll(() => numberOf(page.getByTestId('kpi-requests'))).toBe(calls.filter((c) => c['feature'] === PAYLOAD).length);
    expect(await page.getByTestId('filter-chip').textContent()).toContain(PAYLOAD);

    await page.getByTestId('nav-table').click();
    const rows = page.getByTestId('calls-table').getByTestId('calls-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('calls-table').textContent()).toContain(`req-1-${IMG}`);
    await rows.first().click();
    const detail = page.getByTestId('call-detail');
    await detail.getByTestId('waterfall').waitFor();
    expect(await detail.getByTestId('call-input').textContent()).toBe(`${IMG} invoice⟨U+202E⟩gpj.exe⟨U+202C⟩ zero⟨U+200B⟩width`);
    expect(await detail.getByTestId('call-output').textContent()).toBe(`${SCRIPT} **bold** [link](javascript:alert(1))`);
    const detailText = (await detail.textContent())!;
    for (const field of ['tool', 'dimension', 'stage', 'doc', 'provider']) expect(detailText).toContain(`${field}:${PAYLOAD}`);
    expect(await detail.locator('a, strong, b').count()).toBe(0);

    await page.keyboard.press('Escape');
    await page.getByTestId('nav-pivot').click();
    await page.getByTestId('pivot-table').waitFor();
    expect(await page.getByTestId('pivot-table').textContent()).toContain(PAYLOAD);
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('compare-view').waitFor();
    await page.getByTestId('nav-open').click();
    await page.getByTestId('ingest-report').waitFor();
    await goto(page, `#/overview?call=${encodeURIComponent(String(calls[1]!['request_id']))}`);
    await page.getByTestId('call-detail').getByText('faithfulness', { exact: false }).first().waitFor();
    expect(await page.getByTestId('call-detail').textContent()).toContain(`faithfulness${IMG}`);

    expect(await pwned()).toBeUndefined();
    expect(await injected()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
