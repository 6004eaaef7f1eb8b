/**
 * Answer keys, prepared once: each part's accepted forms split into the words that must be
 * named (with the spellings, skeletons and typo budgets they may be matched by), numbers, facts
 * (directions, months, weekdays, countries) and qualifiers; names in generic heads; forms rejected.
 * Pure TypeScript: no DOM, no Node.
 */
import { analyze, findPhrase, type Analyzed } from '../text/analyze';
import { lexeme, FACT_CLASSES, type Lexeme } from '../text/lexicon';
import { arabicSkeleton, isArabic, isLatin, latinSkeletons, spellingSkeleton } from '../text/names';
import { findNumbers, type FoundNumber } from '../text/units';
import { allowedTypos, bareStem, letterMask } from './word-match';

export interface KeyWord {
	token: string;
	variants: string[];
	lex?: Lexeme;
	/** word: must be named; fact: a direction/month/weekday that must be named; optional: may be left out */
	role: 'word' | 'fact' | 'optional';
	latin: boolean;
	/** transliteration skeletons of the clitic-free forms (Arabic) or of the word (Latin) */
	skeletons: string[];
	/** Arabic spelling skeletons of the clitic-free forms, for long words */
	spelling: string[];
	/** the clitic-free forms without a plural, dual or gender ending (الليبيين → ليبي) */
	inflected: string[];
	/** the forms long enough to forgive a typo in, with how many */
	fuzzy: { v: string; mask: number; allowed: number }[];
	/** this word and the next written as one ("باش" + "آغا" → "باشاغا") */
	joinedWithNext?: KeyWord;
}

interface KeyNumber {
	value: number;
	unit?: string;
	tolerance: number;
	unitOptional: boolean;
}

export interface KeyForm {
	text: string;
	/** the form folded, for the exact fast path */
	folded: string;
	words: KeyWord[];
	numbers: KeyNumber[];
	/** a person's name: the last word alone (the surname) names them, the first alone does not */
	person: boolean;
	/** could be a person's name (two to four plain words), if the text or the prompt says so */
	maybePerson: boolean;
	/** the meanings of the key's qualifiers ("qualifier:end") */
	qualifiers: Set<string>;
	/** fact classes the key names, with their meaning */
	facts: Map<string, string>;
	negated: boolean;
	/** the key is an adjective of origin (الروسية): other such adjectives compete with it */
	nisba: boolean;
	/** a generic head and a proper name: the name alone answers */
	headed: boolean;
	/** some form of this part is written in Arabic: Arabic answers are judged against those */
	arabicPart: boolean;
	size: number;
}

/** One required part of a key: its accepted forms. */
export interface PreparedPart {
	label: string;
	expected: string;
	forms: KeyForm[];
}

export interface PreparedKey {
	parts: PreparedPart[];
	/** forms a teacher marked as wrong even though they look close */
	reject: RejectForm[];
	/** what every accepted form of every part allows, together (see `keyAllows`) */
	allows: KeyAllows;
	/** answers longer than this many words are a pasted passage, not an answer */
	maxWords: number;
}

/** What the accepted forms of a key allow an answer to say, all forms together. */
export interface KeyAllows {
	/** fact class → meaning id ("direction" → "W") */
	facts: Map<string, string>;
	/** "class:id" of every fact */
	factIds: Set<string>;
	/** "qualifier:id" of every qualifier */
	qualifiers: Set<string>;
	/** the groups of those qualifiers: another qualifier of a group contradicts */
	qualifierGroups: Set<string>;
}

function keyAllows(forms: KeyForm[]): KeyAllows {
	const facts = new Map<string, string>();
	const factIds = new Set<string>();
	const qualifiers = new Set<string>();
	for (const f of forms) {
		for (const [cls, id] of f.facts) {
			facts.set(cls, id);
			factIds.add(`${cls}:${id}`);
		}
		for (const q of f.qualifiers) qualifiers.add(q);
	}
	const qualifierGroups = new Set(
		[...qualifiers].map((q) => QUALIFIER_GROUP[q.slice('qualifier:'.length)])
	);
	return { facts, factIds, qualifiers, qualifierGroups };
}

/** Answers longer than this are a pasted passage: three times the longest key, and some. */
function maxWordsOf(parts: PreparedPart[]): number {
	const size = parts.reduce((s, p) => s + Math.max(...p.forms.map((f) => f.size), 1), 0);
	return Math.max(20, 3 * size + 10);
}

/** A form the teacher marked as wrong. */
interface RejectForm {
	form: Analyzed;
	/**
	 * It stands inside an accepted form ("أيار" in "أواخر أيار"): it refuses only the whole answer.
	 * Otherwise it refuses any answer it stands in («رئيس الحكومة أو وزير الداخلية»).
	 */
	insideKey: boolean;
}

/** How a key is given: one answer, or parts all required (each with its accepted forms). */
export interface KeySpec {
	/** the canonical answer, or one per required part */
	expected: string | string[];
	/** more accepted forms: for one answer a list; for parts, one list per part */
	accept?: string[] | string[][];
	reject?: string[];
	/** numeric keys: tolerance in the key's unit, and whether a missing unit still counts */
	tolerance?: number;
	unitOptional?: boolean;
	/** the question asks who: the key is a person's name */
	person?: boolean;
}

export const NISBA = /^ال.{2,}(يه|يين|يون|ي)$/;

/** Qualifiers that answer the same question: only one of a group can be right. */
export const QUALIFIER_GROUP: Record<string, string> = {
	start: 'when-in',
	mid: 'when-in',
	end: 'when-in',
	past: 'relative',
	next: 'relative',
	current: 'relative',
	more: 'compare',
	less: 'compare',
	all: 'all',
	summer: 'season',
	winter: 'season',
	spring: 'season',
	autumn: 'season'
};

/** A word of a key, with the forms it may be matched by. */
function keyWord(
	token: string,
	variants: string[],
	lex: Lexeme | undefined,
	role: KeyWord['role']
): KeyWord {
	const latin = isLatin(token);
	const skeletons = latin
		? latinSkeletons(token)
		: isArabic(token)
			? [...new Set(variants.map(arabicSkeleton))]
			: [];
	const spelling = isArabic(token)
		? [...new Set(variants.filter((v) => v.length >= 5).map(spellingSkeleton))]
		: [];
	const inflected = isArabic(token)
		? [...new Set(variants.map(bareStem).filter((b): b is string => b !== undefined))]
		: [];
	const fuzzy = variants
		.filter((v) => allowedTypos(v.length) > 0)
		.map((v) => ({ v, mask: letterMask(v), allowed: allowedTypos(v.length) }));
	return { token, variants, lex, role, latin, skeletons, spelling, inflected, fuzzy };
}

/** Lexicon classes that a key made only of them must still name ("القاعدة", "العام"). */
const NAMED_WHEN_ALONE = new Set(['filler', 'title', 'period', 'head']);

/**
 * A key that is a generic head and a proper name ("بحيرة أمزار", "مؤتمر طنجة للتنوع الحيوي"):
 * the name alone answers, so the head and what follows the name (a complement with a preposition,
 * an adjective) need not be named. The head alone does not answer: the name stays required.
 */
function markNameInHead(words: KeyWord[]): boolean {
	const first = words.findIndex((w) => w.lex?.cls !== 'title' && w.lex?.cls !== 'filler');
	if (first < 0 || words[first].lex?.cls !== 'head') return false;
	const name = first + 1;
	if (name >= words.length || words[name].role !== 'word') return false;
	let inName = true;
	for (let i = name + 1; i < words.length; i++) {
		const w = words[i];
		const complement =
			w.lex !== undefined ||
			NISBA.test(w.token) ||
			(/^(لل|ل|ب)/.test(w.token) && w.variants.length > 1);
		if (complement) inName = false;
		if (!inName && w.role === 'word') w.role = 'optional';
	}
	return true;
}

/** A key form's words, read: each with its role, and the facts and qualifiers they state. */
interface ReadWords {
	words: KeyWord[];
	qualifiers: Set<string>;
	facts: Map<string, string>;
	negated: boolean;
}

/** The words of a key form other than its numbers, each given its role. */
function readKeyWords(a: Analyzed, numbers: FoundNumber[]): ReadWords {
	const numberTokens = new Set<number>();
	for (const n of numbers) for (let k = 0; k < (n.length ?? 1); k++) numberTokens.add(n.index + k);
	const afterNumber = new Set(numbers.map((n) => n.index + (n.length ?? 1)));
	const read: ReadWords = { words: [], qualifiers: new Set(), facts: new Map(), negated: false };
	a.tokens.forEach((token, i) => {
		if (numberTokens.has(i)) return;
		const variants = a.variants[i];
		const lex = lexeme(token, variants);
		// the counted noun after a number ("2300 طائر") may be left out, as a unit may
		const role = afterNumber.has(i) && !lex ? 'optional' : roleOf(lex, read);
		read.words.push(keyWord(token, variants, lex, role));
	});
	return read;
}

/** A word's role by its lexicon class, noting the facts and qualifiers it states. */
function roleOf(lex: Lexeme | undefined, read: ReadWords): KeyWord['role'] {
	if (!lex) return 'word';
	if (FACT_CLASSES.has(lex.cls)) {
		// "آيار/مايو": two names of one month are one fact
		const role = read.facts.get(lex.cls) === lex.id ? 'optional' : 'fact';
		read.facts.set(lex.cls, lex.id);
		return role;
	}
	if (lex.cls === 'qualifier') read.qualifiers.add(`qualifier:${lex.id}`);
	if (lex.cls === 'negation') read.negated = true;
	return 'optional';
}

/** A key made only of words that are usually filler ("القاعدة") still has to be named. */
function requireLoneFillers(words: KeyWord[], numbers: FoundNumber[]) {
	if (numbers.length > 0 || words.length === 0 || words.some((w) => w.role !== 'optional')) return;
	for (const w of words) if (w.lex && NAMED_WHEN_ALONE.has(w.lex.cls)) w.role = 'word';
}

/**
 * An adjective of origin beside other words qualifies them ("بحيرة … الإسبانية"): less precise
 * without it; another country still contradicts.
 */
function nisbaQualifies(words: KeyWord[]) {
	if (!words.some((w) => w.role === 'word')) return;
	for (const w of words) if (w.lex?.cls === 'country' && w.lex.nisba) w.role = 'optional';
}

/** Compound names written as one word or two ("بن علي" / "بنعلي", "باش آغا" / "باشاغا"). */
function markCompounds(words: KeyWord[]) {
	for (let i = 0; i + 1 < words.length; i++) {
		const [w, next] = [words[i], words[i + 1]];
		if (w.role !== 'word' || next.role !== 'word' || w.latin !== next.latin) continue;
		const joined = w.variants[w.variants.length - 1] + next.token;
		w.joinedWithNext = keyWord(joined, [joined], undefined, 'word');
	}
}

/** Whether a form names a person: surely (a title, or the question says so), or maybe. */
function personOf(words: KeyWord[], numbers: FoundNumber[], spec: KeySpec) {
	const content = words.filter((w) => w.role !== 'optional');
	const titled = words.some((w) => w.lex?.cls === 'title');
	const maybePerson =
		numbers.length === 0 &&
		content.length >= 2 &&
		content.length <= 4 &&
		content.every((w) => w.role === 'word' && !NISBA.test(w.token)) &&
		content.slice(0, -1).every((w) => !w.token.startsWith('ال'));
	// A key that joins words with و is a list, not a name ("طرابلس وواشنطن").
	const list = content.slice(1).some((w) => /^و/.test(w.token) && w.variants.length > 1);
	return {
		person: maybePerson && !list && (titled || spec.person === true),
		maybePerson: maybePerson && !list,
		nisba: content.length === 1 && NISBA.test(content[0].token)
	};
}

function prepareForm(text: string, spec: KeySpec): KeyForm {
	const a = analyze(text);
	const numbers = findNumbers(a);
	const { words, qualifiers, facts, negated } = readKeyWords(a, numbers);
	requireLoneFillers(words, numbers);
	const headed = markNameInHead(words);
	nisbaQualifies(words);
	markCompounds(words);
	return {
		text,
		folded: a.folded,
		words,
		numbers: numbers.map((n) => ({
			value: n.value,
			unit: n.unit,
			tolerance: spec.tolerance ?? 0,
			unitOptional: spec.unitOptional ?? true
		})),
		...personOf(words, numbers, spec),
		qualifiers,
		facts,
		negated,
		headed,
		arabicPart: false,
		size: a.tokens.length
	};
}

/**
 * Prepares a key once, for many answers.
 * @param spec the key
 */
export function prepareKey(spec: KeySpec): PreparedKey {
	const expected = Array.isArray(spec.expected) ? spec.expected : [spec.expected];
	const accept = spec.accept ?? [];
	const parts = expected.map((e, i) => {
		const more: string[] = Array.isArray(spec.expected)
			? ((accept[i] as string[] | undefined) ?? [])
			: (accept as string[]).filter((x) => typeof x === 'string');
		const forms = [e, ...(Array.isArray(more) ? more : [more])]
			.filter((f) => typeof f === 'string' && f.trim() !== '')
			.map((f) => prepareForm(f, spec));
		const arabicPart = forms.some((f) => f.words.some((w) => isArabic(w.token)));
		for (const f of forms) f.arabicPart = arabicPart;
		return { label: expected.length > 1 ? `part ${i + 1}` : 'answer', expected: e, forms };
	});
	// the accepted forms analyzed again only for a key with rejected forms (few have any)
	let accepted: Analyzed[] | undefined;
	const reject = (spec.reject ?? []).map((r) => {
		const form = analyze(r);
		accepted ??= parts.flatMap((p) => p.forms.map((f) => analyze(f.text)));
		return { form, insideKey: accepted.some((a) => findPhrase(a, form) >= 0) };
	});
	const allForms = parts.flatMap((p) => p.forms);
	return { parts, reject, allows: keyAllows(allForms), maxWords: maxWordsOf(parts) };
}
