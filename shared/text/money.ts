/** Two decimals, with thousands separators: dollars and cents. */
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Under a dollar, cents alone hide the difference between calls ($0.0112 and $0.0149 are not both "$0.01"). */
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/**
 * A dollar amount as shown everywhere (KPIs, Compare, Pivot, tables, tooltips, drift alerts):
 * from a dollar up in dollars and cents ($1.50, $12,345.00), under a dollar with three
 * significant digits and at least two decimals ($0.11, $0.50, $0.0131, $0.000312).
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return String(usd);
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs === 0 || Number(abs.toPrecision(3)) >= 1) return `${sign}$${cents.format(abs)}`;
  const text = small.format(abs);
  const decimals = text.length - text.indexOf('.') - 1;
  return `${sign}$${text.includes('.') ? text.padEnd(text.length + Math.max(0, 2 - decimals), '0') : `${text}.00`}`;
}
