/** The facets of the sidebar, in the order an engineer triages an incident. */
export const SIDEBAR_FACETS: readonly { readonly column: string; readonly title: string }[] = [
  { column: 'feature', title: 'Feature' },
  { column: 'tenant_id', title: 'Tenant' },
  { column: 'prompt_version', title: 'Prompt version' },
  { column: 'model_requested', title: 'Model requested' },
  { column: 'model_resolved', title: 'Model resolved' },
  { column: 'provider', title: 'Provider' },
  { column: 'error_class', title: 'Error class' },
  { column: 'finish_reason', title: 'Finish reason' },
  { column: 'guardrail_action', title: 'Guardrail action' },
  { column: 'guardrail_dimension', title: 'Guardrail dimension' },
];

/** Filter columns set from a chart rather than the sidebar (the block chart's bars). */
const CHART_FILTER_TITLES: Readonly<Record<string, string>> = { guardrail_blocked: 'Blocked by' };

export function facetTitle(column: string): string {
  return SIDEBAR_FACETS.find((f) => f.column === column)?.title ?? CHART_FILTER_TITLES[column] ?? column;
}
