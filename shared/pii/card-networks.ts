/** Issuer prefixes (IIN ranges) and lengths of the card networks in use. */
interface Network {
  readonly name: string;
  /** Inclusive prefix ranges, compared on the first `digits` digits. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly digits: number;
  readonly lengths: readonly number[];
}

const range = (from: number, to: number = from): readonly [number, number] => [from, to];
const SIXTEEN_TO_NINETEEN = [16, 17, 18, 19];

const NETWORKS: readonly Network[] = [
  { name: 'visa', ranges: [range(4)], digits: 1, lengths: [13, 16, 19] },
  { name: 'mastercard', ranges: [range(51, 55)], digits: 2, lengths: [16] },
  { name: 'mastercard', ranges: [range(2221, 2720)], digits: 4, lengths: [16] },
  { name: 'amex', ranges: [range(34), range(37)], digits: 2, lengths: [15] },
  { name: 'discover', ranges: [range(6011)], digits: 4, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'discover', ranges: [range(644, 649)], digits: 3, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'discover', ranges: [range(65)], digits: 2, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'unionpay', ranges: [range(62)], digits: 2, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'jcb', ranges: [range(3528, 3589)], digits: 4, lengths: SIXTEEN_TO_NINETEEN },
  { name: 'diners', ranges: [range(300, 305), range(309)], digits: 3, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'diners', ranges: [range(36), range(38, 39)], digits: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'maestro', ranges: [range(5018), range(5020), range(5038), range(5893), range(6304), range(6759), range(6761, 6763)], digits: 4, lengths: [13, 14, 15, 16, 17, 18, 19] },
  { name: 'mir', ranges: [range(2200, 2204)], digits: 4, lengths: SIXTEEN_TO_NINETEEN },
];

/** The network a card number belongs to, or undefined when no real network issues that prefix and length. */
export function cardNetwork(digits: string): string | undefined {
  for (const network of NETWORKS) {
    if (!network.lengths.includes(digits.length)) continue;
    const prefix = Number(digits.slice(0, network.digits));
    if (network.ranges.some(([from, to]) => prefix >= from && prefix <= to)) return network.name;
  }
  return undefined;
}
