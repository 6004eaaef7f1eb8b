/**
 * Quiz generation: the same spec and seed always give the same questions in the same order (and,
 * through `studentView`, the same option order); another seed gives another variant.
 */
import type { BankQuestion } from '../bank/check';
import { parseCloze } from '../bank/cloze';
import { foldArabic } from '../text/normalize';
import { seededRandom, shuffled } from './random';
import type { QuizSpec } from './spec';

/** A generated quiz: question ids in the order asked, and how the selection went. */
export interface Quiz {
	ids: string[];
	/** how many questions matched the filters */
	matched: number;
	/** nothing matched, so the filters were dropped */
	filtersDropped: boolean;
	/** asked-for ids (retry) that are not in the bank */
	missing: string[];
}

/** The number of a question's first cited paragraph (p3 → 3). */
export function paragraphNumber(q: Pick<BankQuestion, 'paragraph'>): number {
	return Number(q.paragraph[0].slice(1));
}

/**
 * Whether a question passes a spec's filters (type, skill, difficulty, paragraph range).
 * @param q a bank question
 * @param spec the spec
 */
export function matchesSpec(q: BankQuestion, spec: QuizSpec): boolean {
	if (spec.types.length && !spec.types.includes(q.type)) return false;
	if (spec.skills.length && !spec.skills.includes(q.skill)) return false;
	if (q.difficulty < spec.difficulty[0] || q.difficulty > spec.difficulty[1]) return false;
	return q.paragraph.every((p) => {
		const n = Number(p.slice(1));
		return n >= spec.paragraphs[0] && n <= spec.paragraphs[1];
	});
}

/**
 * What a question's answer is, folded, for the giveaway rule: two questions with the same answer
 * key on the same paragraph do not both go in one quiz (one would give the other away). Questions
 * whose answer is not a piece of text (true/false without correction, ordering) have none.
 * @param q a bank question
 */
export function answerKey(q: BankQuestion): string | undefined {
	switch (q.type) {
		case 'single':
			return foldArabic(q.answer.proof ?? q.answer.text);
		case 'multiple':
			return q.answer
				.map((o) => foldArabic(o.proof ?? o.text))
				.sort()
				.join('|');
		case 'truefalse':
			return q.correction === undefined ? undefined : foldArabic(q.correction);
		case 'short':
			return foldArabic(q.answer);
		case 'numeric':
			return `${q.answer.value}`;
		case 'cloze':
			return parseCloze(q.text)
				.blanks.map((b) => foldArabic(b.answer))
				.join('|');
		case 'matching':
			return q.pairs
				.map((p) => foldArabic(p.right.text))
				.sort()
				.join('|');
		case 'ordering':
			return undefined;
		case 'evidence':
			return q.evidence.map((e) => foldArabic(e)).join('|');
	}
}

/** The keys two questions must not share: their fact, and answer key + paragraph. */
function conflictKeys(q: BankQuestion): string[] {
	const keys: string[] = [];
	if (q.fact) keys.push(`fact:${q.fact}`);
	const key = answerKey(q);
	// Single-option keys on a single paragraph also catch a choice giving a short answer away.
	if (key) for (const p of q.paragraph) keys.push(`key:${p}:${key}`);
	return keys;
}

/**
 * Generates a quiz from an article's checked questions.
 *
 * Selection goes round the paragraphs (in a seeded order) taking one question from each before it
 * takes a second from any, skipping questions that share a fact or an answer key and paragraph with
 * one already taken. A question's follow-up (its second part) is taken with it while there is
 * room. The quiz then follows the text: paragraph order, and a follow-up question right after the
 * one it follows.
 * @param questions the article's questions
 * @param spec the spec (its seed must be set)
 */
export function generateQuiz(questions: readonly BankQuestion[], spec: QuizSpec): Quiz {
	if (spec.ids.length > 0) {
		const byId = new Map(questions.map((q) => [q.id, q]));
		const ids = spec.ids.filter((id) => byId.has(id));
		if (ids.length > 0) {
			return {
				ids,
				matched: ids.length,
				filtersDropped: false,
				missing: spec.ids.filter((id) => !byId.has(id))
			};
		}
		// none of them exists: an ordinary quiz instead of an empty one
		return { ...generateQuiz(questions, { ...spec, ids: [] }), missing: spec.ids };
	}
	let pool = questions.filter((q) => matchesSpec(q, spec));
	const filtersDropped = pool.length === 0 && questions.length > 0;
	const matched = pool.length;
	if (filtersDropped) pool = questions.slice();

	const random = seededRandom(`${spec.slug}:${spec.seed}`);
	// Bank order first, so that the shuffle alone decides (not the order files were read in).
	const byParagraph = new Map<number, BankQuestion[]>();
	for (const q of shuffled(
		[...pool].sort((a, b) => (a.id < b.id ? -1 : 1)),
		random
	)) {
		const p = paragraphNumber(q);
		byParagraph.set(p, [...(byParagraph.get(p) ?? []), q]);
	}
	const paragraphs = shuffled(
		[...byParagraph.keys()].sort((a, b) => a - b),
		random
	);

	// Second parts ("now show where the text says so") by the question they follow.
	const followUps = new Map<string, BankQuestion[]>();
	for (const q of pool) {
		if (q.follows) followUps.set(q.follows, [...(followUps.get(q.follows) ?? []), q]);
	}

	const taken: BankQuestion[] = [];
	const used = new Set<string>();
	const take = (q: BankQuestion, keys: string[]) => {
		keys.forEach((k) => used.add(k));
		taken.push(q);
		const queue = byParagraph.get(paragraphNumber(q));
		if (queue?.includes(q)) queue.splice(queue.indexOf(q), 1);
	};
	let progress = true;
	while (taken.length < spec.n && progress) {
		progress = false;
		for (const p of paragraphs) {
			if (taken.length >= spec.n) break;
			const queue = byParagraph.get(p)!;
			while (queue.length > 0) {
				const q = queue.shift()!;
				const keys = conflictKeys(q);
				if (keys.some((k) => used.has(k))) continue;
				take(q, keys);
				progress = true;
				// A question's second part comes with it while there is room: it proves the same
				// answer, so sharing the lead's keys is the point, not a give-away.
				for (const f of followUps.get(q.id) ?? []) {
					const fKeys = conflictKeys(f);
					if (taken.length >= spec.n || taken.includes(f)) continue;
					if (fKeys.some((k) => used.has(k) && !keys.includes(k))) continue;
					take(f, fKeys);
				}
				break;
			}
		}
	}

	// Reading order; a follow-up comes right after the question it follows.
	const rank = new Map(taken.map((q, i) => [q.id, paragraphNumber(q) * 1000 + i]));
	const sortKey = (q: BankQuestion) =>
		q.follows && rank.has(q.follows) ? rank.get(q.follows)! + 0.5 : rank.get(q.id)!;
	taken.sort((a, b) => sortKey(a) - sortKey(b));
	return { ids: taken.map((q) => q.id), matched, filtersDropped, missing: [] };
}
