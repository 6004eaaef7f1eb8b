/**
 * Grades every question type of the bank. The same code runs on the server, in the browser
 * (practice, offline self-study) and in the CLI: pure TypeScript, no DOM, no Node.
 *
 *   gradeQuestion(question, response, { article })  →  GradeResult
 *
 * Keys and contexts are prepared once per question (cached in a WeakMap), so grading an answer
 * only analyzes the answer.
 */
import type { BankQuestion } from '../bank/check';
import type { Question } from '../bank/schema';
import { answerKeyText } from '../bank/answer-key';
import { parseCloze } from '../bank/cloze';
import { foldArabic } from '../text/fold';
import { judgeMark } from './evidence';
import {
	matchAnswer,
	prepareContext,
	prepareKey,
	type KeySpec,
	type MatchResult,
	type PreparedContext,
	type PreparedKey
} from './match';
import { MAX_ANSWER_LENGTH, parseResponse } from './response';
import type { RuleName } from './rules';
import type { GradeContext, GradeResult, PartResult, StudentResponse } from './types';

type AnyQuestion = Question & Partial<Pick<BankQuestion, 'spans' | 'article'>>;
/** A question of one type, as the grader of that type gets it. */
type QuestionOf<T extends Question['type']> = AnyQuestion & { type: T };

interface Prepared {
	expected: string;
	keys: PreparedKey[];
	contexts: WeakMap<object, PreparedContext>;
}

const cache = new WeakMap<object, Prepared>();

function keySpecs(q: Question): KeySpec[] {
	switch (q.type) {
		case 'short':
			return [
				{ expected: q.answer, accept: q.accept, reject: q.reject, person: q.skill === 'who' }
			];
		case 'numeric':
			return [
				{
					expected: `${q.answer.value}${q.answer.unit ? ' ' + q.answer.unit : ''}`,
					tolerance: q.answer.tolerance,
					unitOptional: q.answer.unitOptional
				}
			];
		case 'cloze':
			return parseCloze(q.text).blanks.map((b) => ({ expected: b.answer, accept: b.accept }));
		default:
			return [];
	}
}

function prepared(q: Question): Prepared {
	let p = cache.get(q);
	if (!p) {
		p = { expected: expectedText(q), keys: keySpecs(q).map(prepareKey), contexts: new WeakMap() };
		cache.set(q, p);
	}
	return p;
}

function contextFor(q: Question, p: Prepared, context?: GradeContext): PreparedContext | undefined {
	const article = context?.article;
	if (!article) return undefined;
	let c = p.contexts.get(article);
	if (!c) {
		const cited = article.paragraphs.filter((x) => q.paragraph.includes(x.id));
		c = prepareContext(
			cited.length ? cited : article.paragraphs,
			article.paragraphs,
			q.prompt,
			article.date
		);
		p.contexts.set(article, c);
	}
	return c;
}

/**
 * The answer key as a person reads it (kept under this name for the grader's callers).
 * @param q a question
 */
export function expectedText(q: Question): string {
	return answerKeyText(q);
}

/** What normalization may do to a character of an answer, in the order the notes are listed. */
const SURFACE_NOTES = [
	'diacritics ignored',
	'tatweel ignored',
	'hamza forms folded',
	'taa marbuta read as haa',
	'alef maqsura read as yaa',
	'Arabic-Indic digits read',
	'Persian/Urdu letter forms folded',
	'Latin accents ignored',
	'punctuation ignored'
] as const;
type SurfaceNote = (typeof SURFACE_NOTES)[number];

const HAMZA_FORMS = new Set([0x0623, 0x0625, 0x0622, 0x0671, 0x0624, 0x0626]);
const PERSIAN_FORMS = new Set([0x06a9, 0x06cc, 0x06c1, 0x06c0, 0x06d5, 0x06be, 0x06aa]);
const ARABIC_PUNCTUATION = new Set([0x060c, 0x061b, 0x061f, 0x066a]);

/** What folding does to an ASCII character: punctuation is ignored, letters and digits stay. */
function asciiNote(c: number): SurfaceNote | undefined {
	const kept = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c <= 32;
	return kept ? undefined : 'punctuation ignored';
}

/** What folding does to a character beyond ASCII, if anything a teacher should hear of. */
function surfaceNoteOf(c: number): SurfaceNote | undefined {
	if (c < 0x80) return asciiNote(c);
	if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x0610 && c <= 0x061a))
		return 'diacritics ignored';
	if (c === 0x0640) return 'tatweel ignored';
	if (HAMZA_FORMS.has(c)) return 'hamza forms folded';
	if (c === 0x0629) return 'taa marbuta read as haa';
	if (c === 0x0649) return 'alef maqsura read as yaa';
	if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9))
		return 'Arabic-Indic digits read';
	if (PERSIAN_FORMS.has(c)) return 'Persian/Urdu letter forms folded';
	if ((c >= 0x00c0 && c <= 0x024f) || (c >= 0x0300 && c <= 0x036f)) return 'Latin accents ignored';
	if (ARABIC_PUNCTUATION.has(c) || (c >= 0x00a1 && c <= 0x00bf) || (c >= 0x2010 && c <= 0x205e))
		return 'punctuation ignored';
	return undefined;
}

/**
 * What normalization did to a typed answer, for a teacher to see why a variant counted.
 * @param raw the answer as typed
 */
export function surfaceNotes(raw: string): string[] {
	const seen = new Set<SurfaceNote>();
	for (let i = 0; i < raw.length; i++) {
		const note = surfaceNoteOf(raw.charCodeAt(i));
		if (note) seen.add(note);
	}
	return seen.size === 0 ? [] : SURFACE_NOTES.filter((note) => seen.has(note));
}

function result(
	q: AnyQuestion,
	score: number,
	fields: Partial<GradeResult> & { rule: RuleName; reason: string; parts?: PartResult[] }
): GradeResult {
	const s = Math.max(0, Math.min(1, Math.round(score * 1000) / 1000));
	const unsure = fields.unsure ?? false;
	return {
		questionId: q.id,
		type: q.type,
		score: s,
		correct: s === 1,
		verdict: s === 1 ? 'correct' : s > 0 ? 'partial' : 'wrong',
		parts: [],
		normalized: [],
		expected: prepared(q).expected,
		evidence: q.spans ?? [],
		explanation: q.explanation,
		...fields,
		unsure,
		review: unsure
	};
}

/**
 * A refusal: the response cannot be graded as given. Score 0, with the message as the reason.
 * @param q the question
 * @param message why
 */
export function refusal(q: AnyQuestion, message: string): GradeResult {
	return result(q, 0, { rule: 'refused', reason: `refused: ${message}`, refused: message });
}

/** Bank texts, folded once: every answer is compared with them, and the bank does not change. */
const foldedBank = new Map<string, string>();

function foldedKey(text: string): string {
	let f = foldedBank.get(text);
	if (f === undefined) {
		f = foldArabic(text);
		// Bounded: the CLI's quick keys are arbitrary texts.
		if (foldedBank.size < 20_000) foldedBank.set(text, f);
	}
	return f;
}

/** A test of "the same text as the answer", the answer folded once, however many keys it meets. */
function sameAs(answer: string): (key: string) => boolean {
	let folded: string | undefined;
	return (key) => answer === key || (folded ??= foldArabic(answer)) === foldedKey(key);
}

const same = (answer: string, key: string) => sameAs(answer)(key);

function fromMatch(q: AnyQuestion, m: MatchResult, raw: string, label?: string): GradeResult {
	return result(q, m.score, {
		rule: m.rule,
		reason: m.reason,
		unsure: m.unsure,
		parts: m.parts.map((p) => ({ ...p, label: label ?? p.label })),
		normalized: m.score > 0 ? [...surfaceNotes(raw), ...m.notes] : []
	});
}

/**
 * Grades a student's response to a bank question.
 * @param question the question (as loaded by the bank check)
 * @param response the response; validated here too, so a bad one is refused, never thrown
 * @param context the question's article, for distractor awareness (other names, numbers and
 *   directions of the paragraph are the likeliest wrong answers)
 */
export function gradeQuestion(
	question: AnyQuestion,
	response: StudentResponse | unknown,
	context?: GradeContext
): GradeResult {
	let r: StudentResponse;
	const raw = response as { type?: unknown; text?: unknown } | null;
	if (
		raw !== null &&
		typeof raw === 'object' &&
		raw.type === question.type &&
		(raw.type === 'short' || raw.type === 'numeric') &&
		typeof raw.text === 'string' &&
		raw.text.length <= MAX_ANSWER_LENGTH
	) {
		// the common case, checked without the schema
		r = raw as StudentResponse;
	} else {
		const parsed = parseResponse(response, question);
		if (!parsed.ok) return refusal(question, parsed.error);
		r = parsed.response;
	}
	try {
		return grade(question, r, context);
	} catch (e) {
		// A bug must not cost the student the page: refuse, and say so.
		return refusal(
			question,
			`the answer could not be graded (${e instanceof Error ? e.message : String(e)})`
		);
	}
}

function grade(q: AnyQuestion, r: StudentResponse, context?: GradeContext): GradeResult {
	switch (q.type) {
		case 'short':
		case 'numeric':
			return gradeText(q, r, context);
		case 'cloze':
			return gradeCloze(q, r, context);
		case 'single':
			return gradeSingle(q, r);
		case 'truefalse':
			return gradeTrueFalse(q, r);
		case 'multiple':
			return gradeMultiple(q, r);
		case 'matching':
			return gradeMatching(q, r);
		case 'ordering':
			return gradeOrdering(q, r);
		case 'evidence':
			return gradeEvidence(q, r, context);
	}
}

/** A short or numeric answer: the free-text matcher against the key. */
function gradeText(
	q: QuestionOf<'short' | 'numeric'>,
	r: StudentResponse,
	context?: GradeContext
): GradeResult {
	const text = (r as { text: string }).text;
	const p = prepared(q);
	const m = matchAnswer(p.keys[0], text, contextFor(q, p, context));
	if (
		q.type === 'numeric' &&
		m.score === 0 &&
		!/\d/.test(foldArabic(text)) &&
		m.reason === 'the answer is not there'
	) {
		m.reason = 'no number in the answer';
	}
	return fromMatch(q, m, text);
}

/** A cloze: each blank against its key. */
function gradeCloze(
	q: QuestionOf<'cloze'>,
	r: StudentResponse,
	context?: GradeContext
): GradeResult {
	const blanks = (r as { blanks: string[] }).blanks;
	const p = prepared(q);
	const ctx = contextFor(q, p, context);
	const parts: PartResult[] = [];
	const notes = new Set<string>();
	let unsure = false;
	p.keys.forEach((key, i) => {
		const given = blanks[i] ?? '';
		const m = matchAnswer(key, given, ctx);
		unsure ||= m.unsure;
		if (m.correct) for (const n of [...surfaceNotes(given), ...m.notes]) notes.add(n);
		parts.push({
			label: `blank ${i + 1}`,
			expected: key.parts[0].expected,
			given,
			correct: m.correct,
			score: m.correct ? 1 : 0
		});
	});
	const right = parts.filter((x) => x.correct).length;
	const score = parts.length ? right / parts.length : 0;
	return result(q, score, {
		rule: 'blanks',
		reason:
			right === parts.length
				? 'every blank right'
				: `${right} of ${parts.length} blanks right` +
					(blanks.length > parts.length ? ` (${blanks.length - parts.length} extra ignored)` : ''),
		unsure,
		parts,
		normalized: [...notes]
	});
}

/** One choice among options. */
function gradeSingle(q: QuestionOf<'single'>, r: StudentResponse): GradeResult {
	const choice = (r as { choice: string }).choice;
	const is = sameAs(choice);
	const ok = is(q.answer.text);
	const known = ok || q.distractors.some((d) => is(d.text));
	return result(q, ok ? 1 : 0, {
		rule: 'choice',
		reason: ok ? 'correct choice' : known ? 'another choice' : 'not one of the choices',
		parts: [
			{
				label: 'choice',
				expected: q.answer.text,
				given: choice,
				correct: ok,
				score: ok ? 1 : 0
			}
		]
	});
}

/** True or false. */
function gradeTrueFalse(q: QuestionOf<'truefalse'>, r: StudentResponse): GradeResult {
	const value = (r as { value: boolean }).value;
	const ok = value === q.answer;
	return result(q, ok ? 1 : 0, {
		rule: 'true-false',
		reason: ok ? 'correct' : `the statement is ${q.answer ? 'true' : 'false'}`,
		parts: [
			{
				label: 'statement',
				expected: String(q.answer),
				given: String(value),
				correct: ok,
				score: ok ? 1 : 0
			}
		]
	});
}

/** Several choices: right ones chosen, wrong ones left. */
function gradeMultiple(q: QuestionOf<'multiple'>, r: StudentResponse): GradeResult {
	const chosen = (r as { choices: string[] }).choices;
	const tests = chosen.map(sameAs);
	const picked = (o: { text: string }) => tests.some((is) => is(o.text));
	const parts: PartResult[] = [
		...q.answer.map((o) => ({ o, want: true })),
		...q.distractors.map((o) => ({ o, want: false }))
	].map(({ o, want }) => {
		const got = picked(o);
		return {
			label: o.text,
			expected: want ? 'chosen' : 'not chosen',
			given: got ? 'chosen' : 'not chosen',
			correct: got === want,
			score: got === want ? 1 : 0
		};
	});
	const hits = q.answer.filter(picked).length;
	const falseHits = q.distractors.filter(picked).length;
	const exact = hits === q.answer.length && falseHits === 0;
	const score =
		q.scoring === 'all-or-nothing'
			? exact
				? 1
				: 0
			: Math.max(0, (hits - falseHits) / q.answer.length);
	return result(q, score, {
		rule: 'choices',
		reason: exact
			? 'every correct choice and no other'
			: `${hits} of ${q.answer.length} correct choices${falseHits ? `, ${falseHits} wrong` : ''}` +
				(q.scoring === 'all-or-nothing' ? ' (all or nothing)' : ''),
		parts
	});
}

/** Pairs matched. */
function gradeMatching(q: QuestionOf<'matching'>, r: StudentResponse): GradeResult {
	const matches = (r as { matches: string[] }).matches;
	const parts = q.pairs.map((p, i) => {
		const given = matches[i] ?? '';
		const ok = same(given, p.right.text);
		return {
			label: p.left.text,
			expected: p.right.text,
			given,
			correct: ok,
			score: ok ? 1 : 0
		};
	});
	const right = parts.filter((p) => p.correct).length;
	const score =
		q.scoring === 'all-or-nothing' ? (right === parts.length ? 1 : 0) : right / parts.length;
	return result(q, score, {
		rule: 'pairs',
		reason: `${right} of ${parts.length} pairs matched`,
		parts
	});
}

/** Items ordered: the share of pairs in the right order. */
function gradeOrdering(q: QuestionOf<'ordering'>, r: StudentResponse): GradeResult {
	const order = (r as { order: string[] }).order;
	const tests = order.map(sameAs);
	const pos = q.items.map((it) => tests.findIndex((is) => is(it.text)));
	let good = 0;
	let total = 0;
	const perItem = q.items.map(() => ({ good: 0, total: 0 }));
	for (let i = 0; i < pos.length; i++) {
		for (let j = i + 1; j < pos.length; j++) {
			total++;
			const ok = pos[i] >= 0 && pos[j] >= 0 && pos[i] < pos[j];
			if (ok) good++;
			perItem[i].total++;
			perItem[j].total++;
			if (ok) {
				perItem[i].good++;
				perItem[j].good++;
			}
		}
	}
	const parts = q.items.map((it, i) => ({
		label: `${i + 1}`,
		expected: it.text,
		given: pos[i] >= 0 ? `${pos[i] + 1}` : '',
		correct: perItem[i].good === perItem[i].total,
		score: perItem[i].total ? perItem[i].good / perItem[i].total : 1
	}));
	return result(q, total ? good / total : 0, {
		rule: 'order',
		reason: good === total ? 'in the right order' : `${good} of ${total} pairs in the right order`,
		parts
	});
}

/** A phrase marked in a paragraph: the rule `evidence-span` (./evidence). */
function gradeEvidence(
	q: QuestionOf<'evidence'>,
	r: StudentResponse,
	context?: GradeContext
): GradeResult {
	const mark = r as { paragraph: string; start: number; end: number };
	const v = judgeMark(q, mark, context);
	return result(q, v.score, {
		rule: 'evidence-span',
		reason: v.reason,
		parts: [
			{
				label: 'evidence',
				expected: q.evidence.join(' … '),
				given: `${mark.paragraph}:${mark.start}-${mark.end}`,
				correct: v.correct,
				score: v.score
			}
		]
	});
}

export { MAX_ANSWER_LENGTH };
