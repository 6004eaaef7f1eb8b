/**
 * The item-writing check: what an experienced exam writer looks for and the grounding check cannot
 * see, after the item-writing guidelines assessment writers use (Haladyna, Downing & Rodriguez):
 * cues that give the key away, options that cannot be told apart, answers leaked between questions
 * of one quiz, repeated prompts, evidence longer than what proves the key, and difficulty labels
 * out of line with what a student must do.
 *
 * Every finding is a warning (`dalil check --strict` makes it an error), names its rule and says
 * what to do. Pure: it is given the questions of one article and its paragraphs.
 */
import { parseCloze } from './cloze';
import type { Option, Question } from './schema';
import { analyze, findPhrase, normalizeQuote, type Analyzed } from '../text/normalize';

/** The rules, by the name a warning gives. */
export const ITEM_RULES = [
	'key-longest',
	'key-longest-share',
	'verbatim-key',
	'same-meaning',
	'all-none',
	'leak',
	'near-duplicate-prompt',
	'evidence-longer',
	'difficulty-type'
] as const;
export type ItemRule = (typeof ITEM_RULES)[number];

/** One warning of the item-writing check. */
export interface ItemFinding {
	questionId: string;
	rule: ItemRule;
	/** path inside the question, e.g. ['answer'] */
	path: PropertyKey[];
	message: string;
}

/** A key longer than this times the longest distractor stands out. */
export const LONGEST_KEY_RATIO = 1.25;
/** Options, words or prompts this alike (shared words over all words) say the same thing. */
export const SAME_MEANING = 0.8;
export const NEAR_DUPLICATE = 0.85;
/** An evidence question's quote longer than this, in words, needs a `core` (its proving phrase). */
export const MAX_EVIDENCE_WORDS = 6;
/** How many more keys than chance may be the longest option, in an article, before it is a cue. */
const LONGEST_SHARE_SLACK = 0.1;

/** "All/none of the above", in Arabic and English. */
const ALL_NONE =
	/(?:(?:كل|كلّ|جميع)\s+(?:ما\s+(?:سبق|ذكر|ذُكر)|(?:الإجابات|الاجابات|الخيارات)(?:\s+السابقة)?))|(?:(?:لا\s+شيء|ليس\s+أيّ?ا?|لا\s+أحد)\s+مما?\s+(?:سبق|ذكر|ذُكر))|\b(?:all|none|both|neither)\s+of\s+the\s+(?:above|options)\b/iu;

interface Prepared {
	q: Question;
	/** a text of the question analyzed, once however many rules read it */
	analyzed: (text: string) => Analyzed;
	prompt: Analyzed;
	/** the texts a student is shown before answering, where another question's answer may stand */
	shown: Analyzed[];
	/** every form of every word shown: a phrase with a word outside it cannot stand there */
	vocabulary: Set<string>;
	/** the answers the question asks for, as typed or chosen */
	answers: Analyzed[];
	/** the evidence quotes analyzed, when a rule needs them (most questions' rules do not) */
	evidence: () => Analyzed[];
	/** a single choice's key and its longest distractor, in characters */
	lengths?: { key: number; longest: number };
}

/**
 * Runs every rule over the questions of one article.
 * @param questions the article's questions (parsed; grounded or not)
 * @param paragraphs the article's paragraphs
 */
export function itemFindings(
	questions: Question[],
	paragraphs: { id: string; text: string }[]
): ItemFinding[] {
	const article = paragraphs.map((p) => ({ id: p.id, text: analyze(p.text) }));
	const prepared = questions.map(prepare);
	const findings: ItemFinding[] = [];
	for (const p of prepared) {
		findings.push(
			...longestKey(p),
			...verbatimKey(p, article),
			...sameMeaning(p),
			...allNone(p.q),
			...evidenceLonger(p),
			...difficultyType(p.q)
		);
	}
	findings.push(...longestKeyShare(prepared), ...leaks(prepared), ...nearDuplicates(prepared));
	return findings;
}

function prepare(q: Question): Prepared {
	// the prompt is shown, a choice's key is both shown and an answer: each analyzed once
	const analyses = new Map<string, Analyzed>();
	const analyzed = (text: string) => {
		let a = analyses.get(text);
		if (!a) analyses.set(text, (a = analyze(text)));
		return a;
	};
	const shown: string[] = [q.prompt];
	const answers: string[] = [];
	switch (q.type) {
		case 'short':
			answers.push(q.answer);
			break;
		case 'numeric':
			answers.push(String(q.answer.value));
			break;
		case 'single':
			answers.push(q.answer.text);
			shown.push(q.answer.text);
			break;
		case 'multiple':
			answers.push(...q.answer.map((o) => o.text));
			shown.push(...q.answer.map((o) => o.text));
			break;
		case 'cloze': {
			const { plain, blanks } = parseCloze(q.text);
			answers.push(...blanks.map((b) => b.answer));
			// what stands between the blanks, each stretch alone (a phrase cannot run over a blank)
			let at = 0;
			for (const b of blanks) {
				shown.push(plain.slice(at, b.start));
				at = b.end;
			}
			shown.push(plain.slice(at));
			break;
		}
		case 'matching':
			shown.push(...q.pairs.flatMap((p) => [p.left.text, p.right.text]));
			break;
		case 'ordering':
			shown.push(...q.items.map((o) => o.text));
			break;
	}
	const shownAnalyzed = shown.map(analyzed).filter((a) => a.tokens.length > 0);
	return {
		q,
		analyzed,
		prompt: analyzed(q.prompt),
		shown: shownAnalyzed,
		vocabulary: new Set(shownAnalyzed.flatMap((a) => a.variants.flat())),
		answers: answers.map(analyzed).filter((a) => a.tokens.length > 0),
		evidence: () => q.evidence.map(analyzed),
		lengths:
			q.type === 'single'
				? { key: length(q.answer), longest: Math.max(...q.distractors.map(length)) }
				: undefined
	};
}

const length = (o: Option) => normalizeQuote(o.text).length;

/** The key is the longest option by a clear margin. */
function longestKey({ q, lengths }: Prepared): ItemFinding[] {
	if (!lengths) return [];
	const { key, longest } = lengths;
	if (key <= LONGEST_KEY_RATIO * longest) return [];
	return [
		{
			questionId: q.id,
			rule: 'key-longest',
			path: ['answer'],
			message:
				`the correct choice is the longest option by far (${key} characters, the longest distractor ${longest}): ` +
				'students pick it without reading; shorten the key or give the distractors the same length and detail'
		}
	];
}

/** Across an article, the key is the longest option about as often as chance would have it. */
function longestKeyShare(prepared: Prepared[]): ItemFinding[] {
	const single = prepared.flatMap(({ q, lengths }) =>
		q.type === 'single' && lengths ? [{ q, ...lengths }] : []
	);
	if (single.length < 8) return [];
	const longest = single.filter((s) => s.key > s.longest).map((s) => s.q);
	const chance =
		single.reduce((sum, s) => sum + 1 / (s.q.distractors.length + 1), 0) / single.length;
	const share = longest.length / single.length;
	if (share <= chance + LONGEST_SHARE_SLACK) return [];
	return [
		{
			questionId: longest[0].id,
			rule: 'key-longest-share',
			path: ['answer'],
			message:
				`${longest.length} of ${single.length} single-choice keys of this article are the longest option ` +
				`(${pct(share)}; chance is ${pct(chance)}): ${longest.map((q) => q.id).join(', ')}; ` +
				'make some distractors the longest, so length gives nothing away'
		}
	];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Only the key copies the text verbatim: a student matches words instead of understanding. */
function verbatimKey(item: Prepared, article: { id: string; text: Analyzed }[]): ItemFinding[] {
	const q = item.q;
	if (q.type !== 'single' && q.type !== 'multiple') return [];
	const keys = q.type === 'single' ? [q.answer] : q.answer;
	const copied = (o: Option, where: { id: string; text: Analyzed }[]) => {
		const a = item.analyzed(o.text);
		return a.tokens.length >= 3 && where.some((p) => findPhrase(p.text, a) >= 0);
	};
	const cited = article.filter((p) => q.paragraph.includes(p.id));
	const copiedKeys = keys.filter((o) => copied(o, cited));
	if (copiedKeys.length === 0 || q.distractors.some((d) => copied(d, article))) return [];
	return [
		{
			questionId: q.id,
			rule: 'verbatim-key',
			path: ['answer'],
			message:
				`only the key copies the text word for word («${copiedKeys[0].text}»): ` +
				'paraphrase it (with `proof`), or take distractors from the text too'
		}
	];
}

/** The content of a text as a set of stems, to compare meanings roughly. */
function stems(a: Analyzed): Set<string> {
	return new Set(a.variants.map((v) => v.reduce((x, y) => (y.length < x.length ? y : x))));
}

function likeness(a: Set<string>, b: Set<string>): number {
	let shared = 0;
	for (const x of a) if (b.has(x)) shared++;
	return jaccard(shared, a.size, b.size);
}

/** Shared items over all items of two sets, given their sizes and how many they share. */
function jaccard(shared: number, a: number, b: number): number {
	const all = a + b - shared;
	return all === 0 ? 0 : shared / all;
}

/** Two options that say the same thing (the same words, in any order or form). */
function sameMeaning(item: Prepared): ItemFinding[] {
	const q = item.q;
	let options: Option[];
	if (q.type === 'single') options = [q.answer, ...q.distractors];
	else if (q.type === 'multiple') options = [...q.answer, ...q.distractors];
	else if (q.type === 'matching') options = [...q.pairs.map((p) => p.right), ...q.distractors];
	else return [];
	const sets = options.map((o) => stems(item.analyzed(o.text)));
	const out: ItemFinding[] = [];
	for (let i = 0; i < options.length; i++) {
		for (let j = i + 1; j < options.length; j++) {
			if (sets[i].size < 2 && sets[j].size < 2) continue;
			if (likeness(sets[i], sets[j]) >= SAME_MEANING) {
				out.push({
					questionId: q.id,
					rule: 'same-meaning',
					path: [],
					message:
						`the options «${options[i].text}» and «${options[j].text}» say the same thing: ` +
						'a student rules both in or out together; replace one'
				});
			}
		}
	}
	return out;
}

/** "All of the above" and "none of the above" reward partial knowledge and test-wiseness. */
function allNone(q: Question): ItemFinding[] {
	let options: Option[];
	if (q.type === 'single') options = [q.answer, ...q.distractors];
	else if (q.type === 'multiple') options = [...q.answer, ...q.distractors];
	else return [];
	return options
		.filter((o) => ALL_NONE.test(o.text))
		.map((o) => ({
			questionId: q.id,
			rule: 'all-none' as const,
			path: [],
			message: `the option «${o.text}» is an "all/none of the above": replace it with a real answer`
		}));
}

/**
 * The phrases that give an answer away: the answer itself when it is three words or more, else the
 * answer with two of its evidence's neighbouring words (a name alone stands in many prompts
 * without telling anything).
 */
function telling(answer: Analyzed, evidence: () => Analyzed[]): Analyzed[] {
	if (answer.tokens.length >= 3) return [answer];
	const out: Analyzed[] = [];
	for (const e of evidence()) {
		const at = findPhrase(e, answer);
		if (at < 0) continue;
		const n = answer.tokens.length;
		for (let before = 0; before <= 2; before++) {
			const from = at - before;
			const to = at + n + (2 - before);
			if (from < 0 || to > e.tokens.length) continue;
			out.push({
				folded: e.tokens.slice(from, to).join(' '),
				tokens: e.tokens.slice(from, to),
				variants: e.variants.slice(from, to)
			});
		}
	}
	return out;
}

const shareFact = (a: Question, b: Question) => a.fact !== undefined && a.fact === b.fact;

/** An answer that stands in what another question of the article shows, without a shared fact. */
function leaks(prepared: Prepared[]): ItemFinding[] {
	const out: ItemFinding[] = [];
	const showing = questionsHolding(prepared.map((p) => p.vocabulary));
	for (const asker of prepared) {
		const phrases = asker.answers.flatMap((answer) => telling(answer, asker.evidence));
		if (phrases.length === 0) continue;
		// a phrase stands only where its first word is shown: the other questions are not read
		for (const i of holdingAny(
			showing,
			prepared.length,
			phrases.map((ph) => ph.variants[0])
		)) {
			const shower = prepared[i];
			if (shower === asker || shareFact(asker.q, shower.q)) continue;
			const hit = phrases.find(
				(ph) =>
					ph.variants.every((forms) => forms.some((f) => shower.vocabulary.has(f))) &&
					shower.shown.some((s) => findPhrase(s, ph) >= 0)
			);
			if (hit) {
				out.push({
					questionId: shower.q.id,
					rule: 'leak',
					path: ['prompt'],
					message:
						`shows «${hit.tokens.join(' ')}», which answers ${asker.q.id}: a quiz holding both gives it away; ` +
						`give both the same \`fact\`, or reword`
				});
			}
		}
	}
	return out;
}

/** Two prompts of one article that ask nearly the same, without a shared fact. */
function nearDuplicates(prepared: Prepared[]): ItemFinding[] {
	const sets = prepared.map((p) => stems(p.prompt));
	const asking = questionsHolding(sets);
	const out: ItemFinding[] = [];
	for (let i = 0; i < prepared.length; i++) {
		if (sets[i].size < 3) continue;
		// the stems each later prompt shares with this one, counted from the stems' questions:
		// prompts that share none are not alike, and are not looked at
		const shared = new Int32Array(prepared.length);
		for (const stem of sets[i]) for (const j of asking.get(stem)!) if (j > i) shared[j]++;
		for (let j = i + 1; j < prepared.length; j++) {
			if (shared[j] === 0) continue;
			const [a, b] = [prepared[i].q, prepared[j].q];
			if (shareFact(a, b)) continue;
			if (jaccard(shared[j], sets[i].size, sets[j].size) >= NEAR_DUPLICATE) {
				out.push({
					questionId: b.id,
					rule: 'near-duplicate-prompt',
					path: ['prompt'],
					message: `the prompt is nearly that of ${a.id}: ask something else, or give both the same \`fact\``
				});
			}
		}
	}
	return out;
}

/** For each word form, the questions (their indices, in order) whose set of forms holds it. */
function questionsHolding(sets: Set<string>[]): Map<string, number[]> {
	const holding = new Map<string, number[]>();
	sets.forEach((set, i) => {
		for (const form of set) {
			const list = holding.get(form);
			if (list) list.push(i);
			else holding.set(form, [i]);
		}
	});
	return holding;
}

/** The questions, in order, that hold at least one of the forms of any group. */
function holdingAny(
	holding: Map<string, number[]>,
	count: number,
	groups: (readonly string[])[]
): number[] {
	const holds = new Uint8Array(count);
	for (const forms of groups) {
		for (const form of forms) for (const i of holding.get(form) ?? []) holds[i] = 1;
	}
	const out: number[] = [];
	for (let i = 0; i < count; i++) if (holds[i]) out.push(i);
	return out;
}

/**
 * An evidence question's quote much longer than the smallest phrase that proves the key (its
 * `core`): a student who marks just that phrase is marked wrong.
 */
function evidenceLonger(p: Prepared): ItemFinding[] {
	const q = p.q;
	if (q.type !== 'evidence') return [];
	const words = Math.max(...p.evidence().map((e) => e.tokens.length));
	const core = q.core === undefined ? undefined : analyze(q.core).tokens.length;
	if (core === undefined) {
		if (words <= MAX_EVIDENCE_WORDS) return [];
		return [
			{
				questionId: q.id,
				rule: 'evidence-longer',
				path: ['evidence'],
				message:
					`the evidence is ${words} words and no \`core\` says which of them prove the answer: ` +
					'declare the smallest proving phrase as `core`, or shorten the evidence to it'
			}
		];
	}
	if (words <= 2 * core + 3) return [];
	return [
		{
			questionId: q.id,
			rule: 'evidence-longer',
			path: ['evidence'],
			message:
				`the evidence (${words} words) is much longer than its core (${core}): ` +
				'shorten the evidence to the phrase that proves the answer'
		}
	];
}

/** What a student must do, by type: recognise < locate < produce < infer. */
const PRODUCE = new Set(['short', 'numeric', 'cloze']);

/**
 * The difficulties a question's type and skill allow: recognising (choices, true/false, matching,
 * ordering) and locating (evidence) are 1–2, producing (typed answers) 2–3, inferring 2–3.
 * @param q a question
 */
export function difficultyRange(q: Pick<Question, 'type' | 'skill'>): [number, number] {
	if (q.skill === 'inference' || PRODUCE.has(q.type)) return [2, 3];
	return [1, 2];
}

function difficultyType(q: Question): ItemFinding[] {
	const [low, high] = difficultyRange(q);
	if (q.difficulty >= low && q.difficulty <= high) return [];
	const what =
		q.skill === 'inference'
			? 'an inference'
			: PRODUCE.has(q.type)
				? `a typed answer (${q.type})`
				: q.type === 'evidence'
					? 'locating a phrase'
					: `recognising an answer (${q.type})`;
	return [
		{
			questionId: q.id,
			rule: 'difficulty-type',
			path: ['difficulty'],
			message: `difficulty ${q.difficulty} is out of line with ${what}: label it ${low}–${high}`
		}
	];
}
