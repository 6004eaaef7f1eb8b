/**
 * The one text normalization of Dalil, used by the bank's grounding check, the grader and search.
 *
 * Two strengths:
 * - `normalizeQuote` (./quote): Unicode NFC and whitespace folding only. An evidence quote must
 *   stand in its paragraph under this, so a quote stays a real quote.
 * - `foldArabic` (./fold) and `analyze` (./analyze): the Arabic-aware folding that answers are
 *   judged by, with clitic-aware token matching on top (./stems) and an edit distance for typos
 *   (./distance).
 *
 * This module gathers them for their many callers; each lives in the module named after it.
 * Pure TypeScript: no DOM, no Node, no Svelte. Runs in the server, the browser and the CLI.
 */
export { normalizeQuote, normalizeQuoteWithOffsets } from './quote';
export { ARABIC_MARKS, LATIN_MARKS, LETTER_FOLDS, foldArabic } from './fold';
export { stemVariants } from './stems';
export {
	analyze,
	analyzeWords,
	analyzedSpan,
	analyzeWithOffsets,
	findPhrase,
	sameWord,
	type Analyzed,
	type AnalyzedWords,
	type AnalyzedWithOffsets
} from './analyze';
export { editDistance } from './distance';
