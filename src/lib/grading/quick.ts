/**
 * Quick keys: a teacher grades typed answers without a bank question, giving the expected answer
 * (and optionally accepted forms, the article and the paragraph) on each line.
 *
 *   { "expected": "زوارة", "accept": ["Zuwara"], "article": "sarraj-africom-zuwara", "paragraph": 3 }
 *   { "expected": ["الجفرة", "سرت"], "accept": [["Jufra"], ["Sirte"]] }
 *   { "expected": 120, "unit": "كم", "tolerance": 5 }
 *
 * A quick key is graded as short answer, or as numeric when `expected` holds a number (a number,
 * or text that is only a number and its unit).
 */
import { z } from 'zod';
import type { EvidenceSpan } from '../bank/check';
import { analyze, analyzeWithOffsets, findPhrase } from '../text/analyze';
import { findNumbers } from '../text/units';
import { surfaceNotes } from './grade';
import {
	matchAnswer,
	prepareContext,
	prepareKey,
	type ContextParagraph,
	type PreparedContext,
	type PreparedKey
} from './match';
import { MAX_ANSWER_LENGTH } from './response';
import type { GradeResult } from './types';

const form = z.string().min(1).max(MAX_ANSWER_LENGTH);

/** The zod schema of a quick key. */
export const quickKey = z
	.object({
		expected: z.union([form, z.number(), z.array(form).min(1).max(20)], {
			error: '`expected` must be text, a number, or a list of texts (parts all required)'
		}),
		accept: z
			.union([z.array(form).max(50), z.array(z.array(form).max(50)).max(20)], {
				error: '`accept` must be a list of texts, or for parts a list of lists'
			})
			.optional(),
		reject: z.array(form).max(50).optional(),
		unit: z.string().max(40).optional(),
		tolerance: z.number().min(0).optional(),
		unitOptional: z.boolean().optional(),
		article: z.string().max(120).optional(),
		/** the question asked: its words may be repeated, and "who" marks a person's name */
		prompt: z.string().max(MAX_ANSWER_LENGTH).optional(),
		paragraph: z
			.union([z.number().int().min(1), z.string().regex(/^p?[1-9][0-9]*$/)], {
				error: '`paragraph` is a paragraph number (3 or "p3")'
			})
			.optional()
	})
	.refine((k) => k.paragraph === undefined || k.article !== undefined, {
		error: '`paragraph` needs `article`',
		path: ['paragraph']
	});
export type QuickKey = z.infer<typeof quickKey>;

/** The article text a quick key may name, by slug. */
export interface QuickArticle {
	paragraphs: ContextParagraph[];
	/** the article's date (YYYY-MM-DD), for relative times */
	date?: string;
}

interface PreparedQuick {
	key: PreparedKey;
	numeric: boolean;
	expected: string;
	contexts: WeakMap<object, PreparedContext>;
	evidence: WeakMap<object, EvidenceSpan[]>;
}

const cache = new Map<string, PreparedQuick>();
const CACHE_SIZE = 2000;

function isNumericText(text: string): boolean {
	const a = analyze(text);
	const n = findNumbers(a);
	return n.length === 1 && n[0].index === 0 && (n[0].length ?? 1) === a.tokens.length;
}

/** The key's expected answer, a number given with its unit ("120" and unit "كم": "120 كم"). */
function expectedWithUnit(k: QuickKey): string | string[] {
	if (typeof k.expected === 'number') return `${k.expected}${k.unit ? ' ' + k.unit : ''}`;
	if (typeof k.expected !== 'string' || !k.unit || !isNumericText(k.expected)) return k.expected;
	return findNumbers(analyze(k.expected))[0].unit ? k.expected : `${k.expected} ${k.unit}`;
}

function prepareQuick(k: QuickKey): PreparedQuick {
	const id = JSON.stringify([
		k.expected,
		k.accept,
		k.reject,
		k.unit,
		k.tolerance,
		k.unitOptional,
		k.article,
		k.paragraph
	]);
	let p = cache.get(id);
	if (p) return p;
	const expected = expectedWithUnit(k);
	const numeric = typeof expected === 'string' && isNumericText(expected);
	p = {
		key: prepareKey({
			expected,
			accept: k.accept,
			reject: k.reject,
			tolerance: k.tolerance,
			unitOptional: k.unitOptional
		}),
		numeric,
		expected: Array.isArray(expected) ? expected.join(' + ') : expected,
		contexts: new WeakMap(),
		evidence: new WeakMap()
	};
	if (cache.size >= CACHE_SIZE) cache.clear();
	cache.set(id, p);
	return p;
}

function paragraphIdOf(k: QuickKey): string | undefined {
	if (k.paragraph === undefined) return undefined;
	return typeof k.paragraph === 'number'
		? `p${k.paragraph}`
		: k.paragraph.startsWith('p')
			? k.paragraph
			: `p${k.paragraph}`;
}

/** Where the key stands in the paragraph, for highlighting. */
function locate(p: PreparedQuick, k: QuickKey, cited: ContextParagraph[]): EvidenceSpan[] {
	const spans: EvidenceSpan[] = [];
	const forms = Array.isArray(k.expected) ? k.expected : [String(p.expected)];
	for (const f of forms) {
		const needle = analyze(f);
		for (const para of cited) {
			const a = analyzeWithOffsets(para.text);
			const at = findPhrase(a, needle);
			if (at >= 0) {
				spans.push({
					paragraph: para.id,
					start: a.starts[at],
					end: a.ends[at + needle.tokens.length - 1]
				});
				break;
			}
		}
	}
	return spans;
}

/** The text around a quick key in an article, prepared once per article, and where it stands. */
function contextIn(
	p: PreparedQuick,
	k: QuickKey,
	article: QuickArticle
): { ctx: PreparedContext; evidence: EvidenceSpan[] } {
	let ctx = p.contexts.get(article);
	if (!ctx) {
		const pid = paragraphIdOf(k);
		const cited = pid ? article.paragraphs.filter((x) => x.id === pid) : [];
		ctx = prepareContext(
			cited.length ? cited : article.paragraphs,
			article.paragraphs,
			k.prompt,
			article.date
		);
		p.contexts.set(article, ctx);
		p.evidence.set(article, locate(p, k, cited));
	}
	return { ctx, evidence: p.evidence.get(article) ?? [] };
}

/** An answer too long to grade: refused, with the message as the reason. */
function refusedAsTooLong(
	base: Omit<GradeResult, 'score' | 'correct' | 'verdict' | 'unsure' | 'review' | 'rule' | 'reason'>
): GradeResult {
	const message = `the answer is longer than ${MAX_ANSWER_LENGTH} characters: please shorten it`;
	return {
		...base,
		score: 0,
		correct: false,
		verdict: 'wrong',
		unsure: false,
		review: false,
		rule: 'refused',
		reason: `refused: ${message}`,
		refused: message
	};
}

/**
 * Grades a typed answer against a quick key.
 * @param k a quick key (validated with `quickKey`)
 * @param text the typed answer
 * @param article the article the key names, if any
 * @param id an id for the result
 */
export function gradeQuick(
	k: QuickKey,
	text: string,
	article?: QuickArticle,
	id = ''
): GradeResult {
	const p = prepareQuick(k);
	const base = {
		questionId: id,
		type: (p.numeric ? 'numeric' : 'short') as GradeResult['type'],
		parts: [] as GradeResult['parts'],
		normalized: [] as string[],
		expected: p.expected,
		evidence: [] as EvidenceSpan[],
		explanation: ''
	};
	if (text.length > MAX_ANSWER_LENGTH) return refusedAsTooLong(base);
	const around = article ? contextIn(p, k, article) : undefined;
	const m = matchAnswer(p.key, text, around?.ctx);
	return {
		...base,
		evidence: around?.evidence ?? [],
		score: m.score,
		correct: m.correct,
		verdict: m.correct ? 'correct' : m.score > 0 ? 'partial' : 'wrong',
		unsure: m.unsure,
		review: m.unsure,
		rule: m.rule,
		reason: m.reason,
		parts: m.parts,
		normalized: m.score > 0 ? [...surfaceNotes(text), ...m.notes] : []
	};
}
