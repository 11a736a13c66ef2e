/** A brushed range of epoch milliseconds as the slice's ISO bounds. */
export function brushRange(from: number, to: number): [string, string] {
  return [new Date(Math.floor(from)).toISOString(), new Date(Math.ceil(to)).toISOString()];
}
