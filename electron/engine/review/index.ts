/** The review engine: label journal, labels table, queues, agreement and gold export. */
export { agreementReport, type AgreementOptions, type AgreementReport } from './agreement';
export { driftExemplars, withDriftExemplars } from './drift-exemplars';
export { buildGold, exportGold, type GoldBuild, type GoldOptions, type GoldReport, type GoldVerdict } from './gold';
export { LabelJournal } from './journal';
export { journalPathFor } from './journal-path';
export { mergeJournalFiles, type JournalMergeReport } from './merge-journals';
export { queueItems, queueRequestIds, queueSummaries, queueSummary, type QueueItem, type QueuePage, type QueueSummary } from './queues';
export { Review, type ReviewOptions } from './review';
export { defaultReviewer } from './reviewer';
export { callExists, saveLabel, saveLabels } from './save-label';
