/**
 * The rule `evidence-span`: a phrase marked in a paragraph is right when it holds the smallest
 * phrase that proves the answer, and is not much longer than the stored evidence.
 *
 * The proving phrase is, in this order:
 * 1. the question's declared `core`;
 * 2. the words of the key of the question it follows (the answer a student just gave), where they
 *    stand in the stored evidence;
 * 3. the stored evidence itself.
 * A phrase found by 2 or 3 is then stripped of what proves nothing: wrapping words at its edges
 * («في مدينة …»), words the prompt itself gives («… فتحي باشاغا» when the prompt names him), and a
 * one-word qualifier at its end («… في ليبيا»، «… من جديد»). A direction keeps its reference
 * («غرب طرابلس»): the direction alone is no fact. Marking exactly that phrase is right; a phrase
 * of several parts («X والعودة إلى Y») earns a share for each part held.
 *
 * Pure TypeScript: no DOM, no Node.
 */
import type { EvidenceSpan } from '../bank/check';
import { parseCloze } from '../bank/cloze';
import type { EvidenceQuestion, Question } from '../bank/schema';
import { analyze, analyzeWithOffsets, sameWord, type AnalyzedWithOffsets } from '../text/analyze';
import { lexeme } from '../text/lexicon';
import type { GradeContext } from './types';

/** A marked span: paragraph id and character offsets into its stored text. */
export interface Mark {
	paragraph: string;
	start: number;
	end: number;
}

/** The verdict on a marked span, before it is dressed as a grade. */
export interface EvidenceVerdict {
	score: number;
	correct: boolean;
	reason: string;
}

/** A mark may be at most this many times as long as the stored evidence. */
export const MAX_MARK_STRETCH = 3;

/** Tokens [first, last] of a paragraph's analysis, with the characters they cover. */
interface TokenRange {
	first: number;
	last: number;
	start: number;
	end: number;
}

/** The phrase that proves the answer, in parts (one part unless it joins several). */
interface Proof {
	parts: TokenRange[];
	/** declared by the question: the mark proves the answer or it does not */
	declared: boolean;
	text: string;
}

type EvidenceQuestionWithSpans = EvidenceQuestion & { spans?: EvidenceSpan[] };

/** Paragraph analyses, once per stored text (a class marks the same paragraphs many times). */
const analyses = new Map<string, AnalyzedWithOffsets>();

function analyzedParagraph(text: string): AnalyzedWithOffsets {
	let a = analyses.get(text);
	if (!a) {
		a = analyzeWithOffsets(text);
		// bounded: a bank's paragraphs fit many times over
		if (analyses.size >= 2_000) analyses.clear();
		analyses.set(text, a);
	}
	return a;
}

/**
 * Judges a marked span against an evidence question.
 * @param q the evidence question, with its stored spans
 * @param mark the span the student marked
 * @param context the article (its paragraphs, and its questions to find the key this one follows)
 */
export function judgeMark(
	q: EvidenceQuestionWithSpans,
	mark: Mark,
	context?: GradeContext
): EvidenceVerdict {
	const spans = (q.spans ?? []).filter((s) => s.paragraph === mark.paragraph);
	if (!spans.length) return wrong(`the evidence is not in ${mark.paragraph}`);
	const stored = Math.max(...spans.map((s) => s.end - s.start));
	if (mark.end - mark.start > MAX_MARK_STRETCH * stored)
		return wrong('the marked passage is much longer than the evidence');
	const text = context?.article?.paragraphs.find((p) => p.id === mark.paragraph)?.text;
	if (text === undefined) return judgeByOverlap(q, spans, mark);
	const proof = provingPhrase(q, spans, text, context);
	if (!proof) return judgeByOverlap(q, spans, mark);
	return judgeAgainstProof(proof, mark, analyzedParagraph(text));
}

function wrong(reason: string): EvidenceVerdict {
	return { score: 0, correct: false, reason };
}

/** Whether the mark holds a range, a leading clitic of its first word aside («و» of «ووزير»). */
function holds(mark: Mark, range: TokenRange, words: AnalyzedWithOffsets): boolean {
	const slack = leadingCliticLength(words, range);
	return mark.start <= range.start + slack && mark.end >= range.end;
}

function leadingCliticLength(words: AnalyzedWithOffsets, range: TokenRange): number {
	const token = words.tokens[range.first];
	if (range.start !== words.starts[range.first]) return 0;
	return /^[وفبلك]/.test(token) && words.variants[range.first].includes(token.slice(1)) ? 1 : 0;
}

function judgeAgainstProof(proof: Proof, mark: Mark, words: AnalyzedWithOffsets): EvidenceVerdict {
	const held = proof.parts.filter((part) => holds(mark, part, words)).length;
	if (held === proof.parts.length)
		return { score: 1, correct: true, reason: `the marked phrase holds «${proof.text}»` };
	const missing = `the marked phrase does not hold «${proof.text}», which proves the answer`;
	if (proof.declared || held === 0) return wrong(missing);
	return {
		score: held / proof.parts.length,
		correct: false,
		reason: `the marked phrase holds ${held} of the ${proof.parts.length} parts of «${proof.text}»`
	};
}

/**
 * Without the paragraph's text the words cannot be found: the mark must then cover the whole
 * stored evidence (it is never accepted for covering a share of it).
 */
function judgeByOverlap(
	q: EvidenceQuestionWithSpans,
	spans: EvidenceSpan[],
	mark: Mark
): EvidenceVerdict {
	const whole = spans.some((s) => mark.start <= s.start && mark.end >= s.end);
	if (whole) return { score: 1, correct: true, reason: 'the marked phrase holds the evidence' };
	return wrong(`the marked phrase does not hold «${q.evidence.join(' … ')}»`);
}

/** The proving phrase of a question in one paragraph (see the module's comment). */
function provingPhrase(
	q: EvidenceQuestionWithSpans,
	spans: EvidenceSpan[],
	text: string,
	context?: GradeContext
): Proof | undefined {
	if (q.core) {
		const at = coreOffset(q.core, spans, text);
		if (at < 0) return undefined;
		const words = analyzedParagraph(text);
		const range = rangeOf(words, at, at + q.core.length);
		return range && { parts: [range], declared: true, text: q.core };
	}
	const words = analyzedParagraph(text);
	const found = followedKeyRange(q, spans, words, context) ?? evidenceRange(spans, words);
	if (!found) return undefined;
	const trimmed = withoutWhatProvesNothing(found, text, words, analyze(q.prompt).variants);
	const parts = splitParts(trimmed, words);
	return { parts, declared: false, text: text.slice(trimmed.start, trimmed.end) };
}

/** Where the core stands: inside or after the stored evidence, else anywhere in the paragraph. */
function coreOffset(core: string, spans: EvidenceSpan[], text: string): number {
	for (const s of spans) {
		const at = text.indexOf(core, s.start);
		if (at >= 0 && at <= s.end) return at;
	}
	return text.indexOf(core);
}

/** The tokens touching [start, end), clipped to it (a quote may begin inside a word). */
function rangeOf(words: AnalyzedWithOffsets, start: number, end: number): TokenRange | undefined {
	let first = -1;
	let last = -1;
	for (let i = 0; i < words.tokens.length; i++) {
		if (words.ends[i] <= start || words.starts[i] >= end) continue;
		if (first < 0) first = i;
		last = i;
	}
	if (first < 0) return undefined;
	return {
		first,
		last,
		start: Math.max(start, words.starts[first]),
		end: Math.min(end, words.ends[last])
	};
}

function evidenceRange(spans: EvidenceSpan[], words: AnalyzedWithOffsets): TokenRange | undefined {
	const longest = spans.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
	return rangeOf(words, longest.start, longest.end);
}

/** The forms of a question's key that the text may hold, the text's own words first. */
function keyForms(q: Question): string[] {
	switch (q.type) {
		case 'short':
			return [q.answer, ...q.accept];
		case 'single':
			return q.answer.proof ? [q.answer.proof, q.answer.text] : [q.answer.text];
		case 'numeric':
			return [`${q.answer.value}${q.answer.unit ? ` ${q.answer.unit}` : ''}`];
		case 'truefalse':
			return q.correction ? [q.correction] : [];
		case 'cloze':
			return [
				parseCloze(q.text)
					.blanks.map((b) => b.answer)
					.join(' ')
			];
		default:
			return [];
	}
}

/** Whether a token proves nothing on its own: wrapping, a preposition, a conjunction. */
function isWrapping(token: string, variants: string[]): boolean {
	const cls = lexeme(token, variants)?.cls;
	return cls === 'filler' || cls === 'relation' || cls === 'and';
}

/**
 * The smallest stretch of the stored evidence that holds every content word of a form of the key
 * of the question this one follows; undefined when there is none, or some word is not there.
 */
function followedKeyRange(
	q: EvidenceQuestionWithSpans,
	spans: EvidenceSpan[],
	words: AnalyzedWithOffsets,
	context?: GradeContext
): TokenRange | undefined {
	if (!q.follows) return undefined;
	const followed = context?.article?.questions?.find((x) => x.id === q.follows);
	if (!followed) return undefined;
	for (const s of spans) {
		const evidence = rangeOf(words, s.start, s.end);
		if (!evidence) continue;
		for (const form of keyForms(followed)) {
			const window = smallestWindow(form, evidence, words);
			if (window) return window;
		}
	}
	return undefined;
}

function smallestWindow(
	form: string,
	within: TokenRange,
	words: AnalyzedWithOffsets
): TokenRange | undefined {
	const key = analyze(form);
	const wanted = key.variants.filter((v, i) => !isWrapping(key.tokens[i], v));
	if (!wanted.length) return undefined;
	let best: TokenRange | undefined;
	for (let first = within.first; first <= within.last; first++) {
		const last = lastNeeded(wanted, first, within.last, words);
		if (last === undefined) break;
		if (!best || last - first < best.last - best.first) {
			best = {
				first,
				last,
				start: Math.max(within.start, words.starts[first]),
				end: Math.min(within.end, words.ends[last])
			};
		}
	}
	return best;
}

/** The last token a window from `first` needs to hold every wanted word, if it can. */
function lastNeeded(
	wanted: string[][],
	first: number,
	limit: number,
	words: AnalyzedWithOffsets
): number | undefined {
	let last = first;
	for (const w of wanted) {
		let at = first;
		while (at <= limit && !sameWord(words.variants[at], w)) at++;
		if (at > limit) return undefined;
		last = Math.max(last, at);
	}
	return last;
}

/** A range narrowed by tokens from either end, keeping the characters it was clipped to. */
function narrowed(range: TokenRange, first: number, last: number, words: AnalyzedWithOffsets) {
	return {
		first,
		last,
		start: first === range.first ? range.start : words.starts[first],
		end: last === range.last ? range.end : words.ends[last]
	};
}

/**
 * The range without its wrapping words and asides at either edge, the prompt's own words at either
 * edge (unless it names a direction, whose reference belongs to it), and a closing qualifier
 * («… في ليبيا»، «… الماضي»); never narrowed to nothing.
 */
function withoutWhatProvesNothing(
	range: TokenRange,
	text: string,
	words: AnalyzedWithOffsets,
	prompt: string[][]
): TokenRange {
	const hasDirection = tokensOf(range).some(
		(i) => lexeme(words.tokens[i], words.variants[i])?.cls === 'direction'
	);
	const provesNothing = (i: number) =>
		isWrapping(words.tokens[i], words.variants[i]) ||
		isAside(text, words, i) ||
		(!hasDirection && prompt.some((p) => sameWord(words.variants[i], p)));
	let first = range.first;
	let last = range.last;
	while (first < last && provesNothing(first)) first++;
	while (last > first && (provesNothing(last) || isRelativeTime(words, last))) last--;
	if (provesNothing(first)) return range;
	if (!hasDirection) last = beforeTrailingQualifier(first, last, words);
	return narrowed(range, first, last, words);
}

/** A word in parentheses: an aside, such as an acronym after the name it glosses. */
function isAside(text: string, words: AnalyzedWithOffsets, i: number): boolean {
	return text[words.starts[i] - 1] === '(' && text[words.ends[i]] === ')';
}

/** «الماضي»، «المقبل»، «الجاري»: they place a time the words before already name. */
function isRelativeTime(words: AnalyzedWithOffsets, i: number): boolean {
	const l = lexeme(words.tokens[i], words.variants[i]);
	return l?.cls === 'qualifier' && (l.id === 'past' || l.id === 'next' || l.id === 'current');
}

function tokensOf(range: TokenRange): number[] {
	const out: number[] = [];
	for (let i = range.first; i <= range.last; i++) out.push(i);
	return out;
}

/**
 * The last token before a closing one-word qualifier («… في ليبيا»، «… من جديد»): a preposition and
 * one word, after at least three words that say something, with no second part joined in.
 */
function beforeTrailingQualifier(first: number, last: number, words: AnalyzedWithOffsets): number {
	const preposition = last - 1;
	if (preposition - first < 3) return last;
	if (!isWrapping(words.tokens[preposition], words.variants[preposition])) return last;
	const said = tokensOf({ first, last: preposition - 1, start: 0, end: 0 });
	if (said.some((i) => startsPart(words, i))) return last;
	const saying = said.filter((i) => !isWrapping(words.tokens[i], words.variants[i]));
	return saying.length >= 3 ? preposition - 1 : last;
}

/** Whether a token joins a second part: «والعودة» (and + the), "and". */
function startsPart(words: AnalyzedWithOffsets, i: number): boolean {
	const token = words.tokens[i];
	return /^وال./.test(token) || lexeme(token, words.variants[i])?.cls === 'and';
}

/** The parts a phrase joins («وقف الأعمال العسكرية» | «والعودة إلى المفاوضات»; "blue" | "white"). */
function splitParts(range: TokenRange, words: AnalyzedWithOffsets): TokenRange[] {
	const parts: TokenRange[] = [];
	let first = range.first;
	for (let i = range.first + 1; i <= range.last + 1; i++) {
		if (i <= range.last && !startsPart(words, i)) continue;
		if (i - 1 >= first) parts.push(narrowed(range, first, i - 1, words));
		// a conjunction standing alone ("and", «و») belongs to neither part
		first = i <= range.last && isWrapping(words.tokens[i], words.variants[i]) ? i + 1 : i;
	}
	return parts.length ? parts : [range];
}
