export { PII_KINDS, PLACEHOLDERS, isPiiKind, type PiiKind, type PiiMatch } from './kinds';
export { findPii, DETECTORS } from './find';
export { maskText, maskDeep } from './mask';
export { displayMask } from './display';
export { PII_PREFILTER } from './prefilter';
export { luhnValid } from './luhn';
export { cardNetwork } from './card-networks';
export { ssnValid } from './ssn';
