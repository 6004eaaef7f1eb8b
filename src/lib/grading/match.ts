/**
 * The free-text matcher behind short answers, numeric answers, cloze blanks and quick keys.
 *
 * A key is one or more parts, all required in any order; each part has accepted forms. A response
 * is right when every part stands in it (clitics, spelling variants, transliterations and small
 * typos in long words aside, numbers by value and unit) and nothing else in it contradicts the
 * key: no other number, direction, month or qualifier than the text's, no second name from the
 * text beside the right one, no hedge, no negation, no pasted paragraph.
 *
 * Keys and contexts are prepared once (`prepareKey`, `prepareContext`) and reused for every answer.
 * Pure TypeScript: no DOM, no Node.
 */
import {
	analyze,
	analyzeWithOffsets,
	editDistance,
	findPhrase,
	sameWord,
	type Analyzed,
	type AnalyzedWithOffsets
} from '../text/normalize';
import { lexeme, FACT_CLASSES, type Lexeme } from '../text/lexicon';
import { arabicSkeleton, isArabic, isLatin, latinSkeletons, spellingSkeleton } from '../text/names';
import { convert, findNumbers, unitOf, type FoundNumber } from '../text/units';
import type { RuleName } from './rules';

// ---------------------------------------------------------------------------------------------
// Context: the text around the answer

/** A paragraph the grader may use as context. */
export interface ContextParagraph {
	id: string;
	text: string;
}

/** The text around an answer, prepared once. */
export interface PreparedContext {
	/** the cited paragraphs, analyzed with offsets */
	near: { id: string; a: AnalyzedWithOffsets }[];
	/** lexicon meanings (e.g. "direction:W") the cited paragraphs hold */
	nearMeanings: Set<string>;
	/** number values the cited paragraphs hold */
	nearNumbers: Set<number>;
	/** every clitic-free form of every word of the article (the pool of likely wrong answers) */
	vocabulary: Set<string>;
	/** every paragraph of the article, analyzed: a quote of it around the key is context */
	all: Analyzed[];
	/** where each clitic-free form stands in `all`: [paragraph index, token index] pairs */
	positions: Map<string, number[]>;
	/** words of the question's prompt: a student may repeat them */
	prompt: Set<string>;
	/** words that follow a title in the text (المشير خليفة حفتر): the start of a person's name */
	afterTitle: Set<string>;
	/** the prompt asks who (من، who): the key names a person */
	asksWho: boolean;
}

/**
 * Prepares the context of a question.
 * @param cited the paragraphs the question is keyed to
 * @param article all paragraphs of the article (the wider pool of names)
 * @param prompt the question's prompt, if any
 */
export function prepareContext(
	cited: ContextParagraph[],
	article: ContextParagraph[] = cited,
	prompt?: string
): PreparedContext {
	const near = cited.map((p) => ({ id: p.id, a: analyzeWithOffsets(p.text) }));
	const nearMeanings = new Set<string>();
	const nearNumbers = new Set<number>();
	for (const { a } of near) {
		a.tokens.forEach((t, i) => {
			const l = lexeme(t, a.variants[i]);
			if (l) nearMeanings.add(`${l.cls}:${l.id}`);
		});
		for (const n of findNumbers(a)) nearNumbers.add(n.value);
	}
	const vocabulary = new Set<string>();
	const all: Analyzed[] = [];
	for (const p of article) {
		const a = analyze(p.text);
		all.push(a);
		a.tokens.forEach((t, i) => {
			if (lexeme(t, a.variants[i])) return;
			for (const v of a.variants[i]) if (v.length >= 3) vocabulary.add(v);
		});
	}
	const positions = new Map<string, number[]>();
	all.forEach((a, pi) => {
		a.variants.forEach((vs, ti) => {
			for (const v of vs) {
				let list = positions.get(v);
				if (!list) positions.set(v, (list = []));
				list.push(pi, ti);
			}
		});
	});
	const afterTitle = new Set<string>();
	for (const a of all) {
		a.tokens.forEach((t, i) => {
			if (i > 0 && lexeme(a.tokens[i - 1], a.variants[i - 1])?.cls === 'title') {
				for (const v of a.variants[i]) afterTitle.add(v);
			}
		});
	}
	const promptSet = new Set<string>();
	let asksWho = false;
	if (prompt) {
		const p = analyze(prompt);
		for (const vs of p.variants) for (const v of vs) promptSet.add(v);
		asksWho = /^(من|who|whom)$/.test(p.tokens[0] ?? '') && p.tokens[1] !== 'اي';
	}
	return {
		near,
		nearMeanings,
		nearNumbers,
		vocabulary,
		all,
		positions,
		prompt: promptSet,
		afterTitle,
		asksWho
	};
}

// ---------------------------------------------------------------------------------------------
// Keys

interface KeyWord {
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
}

interface KeyNumber {
	value: number;
	unit?: string;
	tolerance: number;
	unitOptional: boolean;
}

interface KeyForm {
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

const NISBA = /^ال.{2,}(يه|يين|يون|ي)$/;

/** Qualifiers that answer the same question: only one of a group can be right. */
const QUALIFIER_GROUP: Record<string, string> = {
	start: 'when-in',
	mid: 'when-in',
	end: 'when-in',
	past: 'relative',
	next: 'relative',
	current: 'relative',
	more: 'compare',
	less: 'compare',
	all: 'all'
};

function prepareForm(text: string, spec: KeySpec): KeyForm {
	const a = analyze(text);
	const numbers = findNumbers(a);
	const numberTokens = new Set<number>();
	for (const n of numbers) for (let k = 0; k < (n.length ?? 1); k++) numberTokens.add(n.index + k);
	const words: KeyWord[] = [];
	const qualifiers = new Set<string>();
	const facts = new Map<string, string>();
	let negated = false;
	a.tokens.forEach((token, i) => {
		if (numberTokens.has(i)) return;
		const variants = a.variants[i];
		const lex = lexeme(token, variants);
		let role: KeyWord['role'] = 'word';
		if (lex) {
			if (FACT_CLASSES.has(lex.cls)) {
				// "آيار/مايو": two names of one month are one fact
				role = facts.get(lex.cls) === lex.id ? 'optional' : 'fact';
				facts.set(lex.cls, lex.id);
			} else {
				role = 'optional';
				if (lex.cls === 'qualifier') qualifiers.add(`qualifier:${lex.id}`);
				if (lex.cls === 'negation') negated = true;
			}
		}
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
		words.push({ token, variants, lex, role, latin, skeletons, spelling, inflected, fuzzy });
	});
	// A key made only of words that are usually filler ("القاعدة") still has to be named.
	if (numbers.length === 0 && words.length > 0 && words.every((w) => w.role === 'optional')) {
		for (const w of words) {
			if (w.lex?.cls === 'filler' || w.lex?.cls === 'title') w.role = 'word';
		}
	}
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
	const person = maybePerson && !list && (titled || spec.person === true);
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
		person,
		maybePerson: maybePerson && !list,
		qualifiers,
		facts,
		negated,
		nisba: content.length === 1 && NISBA.test(content[0].token),
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
		return { label: expected.length > 1 ? `part ${i + 1}` : 'answer', expected: e, forms };
	});
	const accepted = parts.flatMap((p) => p.forms.map((f) => analyze(f.text)));
	const reject = (spec.reject ?? []).map((r) => {
		const form = analyze(r);
		return { form, insideKey: accepted.some((a) => findPhrase(a, form) >= 0) };
	});
	return { parts, reject };
}

// ---------------------------------------------------------------------------------------------
// Responses

interface RTok {
	token: string;
	variants: string[];
	lex?: Lexeme;
	/** index into the response's numbers, for number and unit tokens */
	num?: number;
	latin: boolean;
	/** worked out when first needed */
	latinSk?: string[];
	spell?: string[];
	bare?: string[];
	inVocab?: boolean;
	fuzzy?: { v: string; mask: number }[];
}

interface PreparedResponse {
	a: Analyzed;
	toks: RTok[];
	numbers: FoundNumber[];
}

/**
 * The words of the answer as the student typed them that the tokens `used` came from: the whole
 * answer when they are all of it, else the stretch of it from the first to the last.
 */
function surface(text: string, resp: PreparedResponse, used: number[]): string {
	if (used.length === 0) return '';
	if (used.length === resp.toks.length) return text.trim();
	const w = analyzeWithOffsets(text);
	// the two tokenizations agree but for odd cases; then the folded words will do
	if (w.tokens.join(' ') !== resp.a.folded) return used.map((j) => resp.toks[j].token).join(' ');
	const from = Math.min(...used);
	const to = Math.max(...used);
	return text.slice(w.starts[from], w.ends[to]);
}

function prepareResponse(text: string): PreparedResponse {
	const a = analyze(text);
	const numbers = findNumbers(a);
	const toks: RTok[] = a.tokens.map((token, i) => ({
		token,
		variants: a.variants[i],
		lex: lexeme(token, a.variants[i]),
		latin: isLatin(token)
	}));
	numbers.forEach((n, k) => {
		for (let j = 0; j < (n.length ?? 1); j++) toks[n.index + j].num = k;
	});
	// a number word is a number, not a hedge or filler ("a hundred")
	for (const t of toks) if (t.num !== undefined) t.lex = undefined;
	return { a, toks, numbers };
}

// ---------------------------------------------------------------------------------------------
// Matching

type How = 'exact' | 'clitic' | 'variant' | 'spelling' | 'translit' | 'inflection' | 'typo';

/** An Arabic word without one plural, dual, gender or nisba ending, if a stem of 3+ letters is left. */
function bareStem(word: string): string | undefined {
	const m = /^(.{3,}?)(ون|ين|ان|ات|يه|يا|ه|ي|ا)$/.exec(word);
	return m ? m[1] : word.length >= 3 ? word : undefined;
}

interface TokenMatch {
	how: How;
	/** edit distance and the distance allowed, for typos */
	dist?: number;
	allowed?: number;
}

/** Typos allowed in a word of this length: none in short words. */
function allowedTypos(length: number): number {
	return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

function matchExact(k: KeyWord, r: RTok): TokenMatch | undefined {
	if (r.num !== undefined) return undefined;
	if (k.role === 'fact' || k.lex?.cls === 'qualifier') {
		if (r.lex && k.lex && r.lex.cls === k.lex.cls && r.lex.id === k.lex.id) {
			return { how: sameWord(k.variants, r.variants) ? 'exact' : 'variant' };
		}
		return undefined;
	}
	if (k.token === r.token) return { how: 'exact' };
	if (sameWord(k.variants, r.variants)) return { how: 'clitic' };
	return undefined;
}

function matchLoose(k: KeyWord, r: RTok, ctx?: PreparedContext): TokenMatch | undefined {
	if (r.num !== undefined || r.lex || k.role !== 'word') return undefined;
	// A word of the text itself is that word, not a misspelling of the key.
	if (ctx) {
		r.inVocab ??= r.variants.some((v) => ctx.vocabulary.has(v));
		if (r.inVocab) return undefined;
	}
	if (r.latin) {
		if (r.token.length < 4) return undefined;
		r.latinSk ??= latinSkeletons(r.token);
		const sk = r.latinSk;
		if (k.skeletons.some((s) => s.length >= 2 && sk.includes(s))) return { how: 'translit' };
		if (!k.latin) return undefined;
	} else if (isArabic(r.token) && k.spelling.length > 0) {
		r.spell ??= r.variants.filter((v) => v.length >= 5).map(spellingSkeleton);
		for (const sk of r.spell) if (k.spelling.includes(sk)) return { how: 'spelling' };
	}
	if (r.latin !== k.latin) return undefined;
	if (!r.latin && k.inflected.length > 0) {
		r.bare ??= r.variants.map(bareStem).filter((b): b is string => b !== undefined);
		for (const b of r.bare) if (k.inflected.includes(b)) return { how: 'inflection' };
	}
	let best: TokenMatch | undefined;
	r.fuzzy ??= r.variants.filter((v) => v.length >= 4).map((v) => ({ v, mask: letterMask(v) }));
	for (const kf of k.fuzzy) {
		for (const rf of r.fuzzy) {
			if (Math.abs(kf.v.length - rf.v.length) > kf.allowed + 1) continue;
			// each edit changes at most two letters of the letter set: a cheap bound first
			let d = popcount(kf.mask ^ rf.mask) > 2 * (kf.allowed + 1) ? kf.allowed + 2 : -1;
			if (d < 0) d = editDistance(kf.v, rf.v, kf.allowed + 1);
			if (!best || d - kf.allowed < best.dist! - best.allowed!)
				best = { how: 'typo', dist: d, allowed: kf.allowed };
		}
	}
	return best;
}

/** A 32-bit set of the letters of a word (hashed), to bound the edit distance cheaply. */
function letterMask(word: string): number {
	let m = 0;
	for (let i = 0; i < word.length; i++)
		m |= 1 << (Math.imul(word.charCodeAt(i), 0x9e3779b1) >>> 27);
	return m;
}

function popcount(x: number): number {
	x -= (x >>> 1) & 0x55555555;
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

interface PartMatch {
	ok: boolean;
	unsure: boolean;
	/** the rule that decided this part */
	rule: RuleName;
	form?: KeyForm;
	/** response token indices this part took */
	used: number[];
	notes: string[];
	/** why not, when not ok */
	why?: string;
	/** a wrong answer close to the threshold */
	nearMiss?: boolean;
	/** how much of the key was named, 0–1, to choose the best form */
	coverage: number;
	/** accepted with one key word left out: only if nothing stands in its place */
	lossy?: string;
	/** accepted by the surname alone: the response index of the surname */
	surname?: number;
}

function matchForm(
	form: KeyForm,
	resp: PreparedResponse,
	taken: Set<number>,
	exactAny: Set<number>,
	ctx?: PreparedContext
): PartMatch {
	const used: number[] = [];
	const notes: string[] = [];
	let unsure = false;
	let nearMiss = false;
	let lossy: string | undefined;
	let surname: number | undefined;
	const busy = new Uint8Array(resp.toks.length);
	for (const i of taken) busy[i] = 1;
	const free = (i: number) => busy[i] === 0;
	const use = (i: number) => {
		busy[i] = 1;
		used.push(i);
	};

	// Numbers: by value (within tolerance), unit checked.
	for (const kn of form.numbers) {
		let found = -1;
		let why: string | undefined;
		resp.numbers.forEach((rn, k) => {
			if (found >= 0 || !free(rn.index)) return;
			let value = rn.value;
			if (rn.unit && kn.unit) {
				const c = convert(rn.value, rn.unit, kn.unit);
				if (c === undefined) {
					if (Math.abs(rn.value - kn.value) <= kn.tolerance)
						why = `wrong unit (${rn.unit}, not ${kn.unit})`;
					return;
				}
				if (rn.unit !== kn.unit) notes.push(`unit converted (${rn.unit} → ${kn.unit})`);
				value = c;
			}
			if (Math.abs(value - kn.value) > kn.tolerance + 1e-9) return;
			if (!rn.unit && kn.unit && !kn.unitOptional) {
				why = `the unit is missing (${kn.unit})`;
				return;
			}
			found = k;
		});
		if (found < 0) {
			return {
				ok: false,
				unsure: false,
				form,
				used,
				notes,
				why: why ?? `the number is not ${kn.value}${kn.unit ? ' ' + kn.unit : ''}`,
				rule: 'number',
				coverage: 0
			};
		}
		const rn = resp.numbers[found];
		for (let j = 0; j < (rn.length ?? 1); j++) use(rn.index + j);
		if (rn.words) notes.push('number written in words');
		if (rn.value !== kn.value && kn.tolerance > 0)
			notes.push(`within tolerance (±${kn.tolerance})`);
		if (rn.unit && kn.unit) {
			const unitToken = resp.toks[rn.index + (rn.length ?? 1) - 1]?.token;
			if (unitToken && unitOf(unitToken) && !form.text.includes(unitToken))
				notes.push('unit spelling accepted');
		}
	}

	// Words: exact and clitic matches first, then variants, transliterations and typos.
	const matched: (TokenMatch | undefined)[] = form.words.map(() => undefined);
	const matchedAt: number[] = form.words.map(() => -1);
	form.words.forEach((k, wi) => {
		for (let i = 0; i < resp.toks.length; i++) {
			if (!free(i)) continue;
			const m = matchExact(k, resp.toks[i]);
			if (m) {
				matched[wi] = m;
				matchedAt[wi] = i;
				use(i);
				return;
			}
		}
	});
	form.words.forEach((k, wi) => {
		if (matched[wi] || k.role !== 'word') return;
		let best: { i: number; m: TokenMatch } | undefined;
		for (let i = 0; i < resp.toks.length; i++) {
			if (!free(i) || exactAny.has(i)) continue;
			const m = matchLoose(k, resp.toks[i], ctx);
			if (!m) continue;
			if (m.how === 'typo' && m.dist! > m.allowed!) {
				if (m.dist === m.allowed! + 1) nearMiss = true;
				continue;
			}
			if (!best || (best.m.how === 'typo' && (m.how !== 'typo' || m.dist! < best.m.dist!)))
				best = { i, m };
		}
		if (best) {
			matched[wi] = best.m;
			matchedAt[wi] = best.i;
			use(best.i);
		}
	});

	const required = form.words.map((k, wi) => ({ k, wi })).filter(({ k }) => k.role !== 'optional');
	const missing = required.filter(({ wi }) => !matched[wi]);
	const total = required.length + form.numbers.length;
	const coverage = total === 0 ? 0 : (total - missing.length) / total;
	let ok = missing.length === 0 && total > 0;
	let why: string | undefined;
	let rule: RuleName = ok ? (form.words.length ? 'key-words' : 'number') : 'not-there';
	if (!ok && total > 0 && missing.length < required.length) {
		const first = required[0];
		const last = required[required.length - 1];
		const person =
			form.person ||
			(form.maybePerson &&
				ctx !== undefined &&
				(ctx.asksWho || first.k.variants.some((v) => ctx.afterTitle.has(v))));
		if (person && matched[last.wi]) {
			ok = true;
			surname = matchedAt[last.wi];
			rule = 'surname';
			notes.push('the surname alone names the person');
		} else if (person && !matched[last.wi]) {
			why = 'a first name alone does not name the person';
			rule = 'first-name-only';
		} else if (
			form.maybePerson &&
			matched[last.wi] &&
			missing.length === 1 &&
			missing[0] === first
		) {
			// Only the last word of what may be a person's name: right if it is a surname.
			why = 'only the last word of the key: right if the key is a person and this the surname';
			rule = 'incomplete';
			nearMiss = true;
		} else if (required.length >= 3 && missing.length === 1 && missing[0] !== first) {
			ok = true;
			unsure = true;
			lossy = missing[0].k.token;
			rule = 'less-precise';
			notes.push(`less precise: «${lossy}» left out`);
		} else {
			why = `incomplete: «${missing.map((m) => m.k.token).join(' ')}» is missing`;
			rule = 'incomplete';
		}
	} else if (!ok) why = 'the answer is not there';
	if (ok) {
		if (
			required.length < form.words.length &&
			form.words.some((k, wi) => k.lex?.cls === 'qualifier' && !matched[wi])
		)
			notes.push('less precise than the text, without contradicting it');
		for (const m of matched) {
			if (!m) continue;
			if (m.how === 'clitic') addNote(notes, 'article ال or a clitic ignored');
			else if (m.how === 'variant') addNote(notes, 'same meaning, other spelling or language');
			else if (m.how === 'spelling') addNote(notes, 'known spelling variant of a name');
			else if (m.how === 'inflection')
				addNote(notes, 'another form of the same word (number, gender)');
			else if (m.how === 'translit') addNote(notes, 'Latin transliteration of the name');
			else if (m.how === 'typo') {
				addNote(notes, `small typo tolerated (${m.dist} letter${m.dist === 1 ? '' : 's'})`);
				if (m.dist === m.allowed) unsure = true;
			}
		}
	}
	return {
		ok,
		unsure,
		rule,
		form,
		used,
		notes,
		why,
		nearMiss: !ok && nearMiss,
		coverage,
		lossy,
		surname
	};
}

function addNote(notes: string[], note: string) {
	if (!notes.includes(note)) notes.push(note);
}

/** The result of matching a free-text answer. */
export interface MatchResult {
	score: number;
	correct: boolean;
	unsure: boolean;
	/** the named rule that decided */
	rule: RuleName;
	reason: string;
	notes: string[];
	parts: { label: string; expected: string; given: string; correct: boolean; score: number }[];
}

/** Answers longer than this many words are a pasted passage, not an answer. */
function maxWords(key: PreparedKey): number {
	const size = key.parts.reduce((s, p) => s + Math.max(...p.forms.map((f) => f.size), 1), 0);
	return Math.max(20, 3 * size + 10);
}

/**
 * Judges a free-text answer against a prepared key.
 * @param key the key (see `prepareKey`)
 * @param text the student's answer
 * @param ctx the text around the answer, if known
 */
export function matchAnswer(key: PreparedKey, text: string, ctx?: PreparedContext): MatchResult {
	const resp = prepareResponse(text);
	const wrong = (rule: RuleName, reason: string, unsure = false): MatchResult => ({
		score: 0,
		correct: false,
		unsure,
		rule,
		reason,
		notes: [],
		parts: key.parts.map((p) => ({
			label: p.label,
			expected: p.expected,
			given: '',
			correct: false,
			score: 0
		}))
	});
	if (resp.toks.length === 0) return wrong('empty', 'empty answer');
	if (resp.toks.length > maxWords(key))
		return wrong('too-long', 'too long: a passage copied instead of the answer');
	for (const { form, insideKey } of key.reject) {
		const whole =
			form.tokens.length === resp.toks.length &&
			form.variants.every((v, i) => sameWord(v, resp.toks[i].variants));
		if (whole || (!insideKey && findPhrase(resp.a, form) >= 0)) {
			return wrong('reject-form', 'a form the teacher marked as wrong');
		}
	}

	// The answer is, once folded, exactly one of the accepted forms: nothing more to judge.
	if (key.parts.length === 1) {
		const part = key.parts[0];
		for (const f of part.forms) {
			if (f.folded === resp.a.folded) {
				return {
					score: 1,
					correct: true,
					unsure: false,
					rule: 'exact-form',
					reason: 'correct',
					notes: [],
					parts: [
						{
							label: part.label,
							expected: part.expected,
							given: text.trim(),
							correct: true,
							score: 1
						}
					]
				};
			}
		}
	}

	// Response tokens that exactly name a word of one part: no other part may take them loosely.
	const exactByPart = key.parts.map((p) => {
		if (key.parts.length === 1) return new Set<number>();
		const set = new Set<number>();
		for (const f of p.forms)
			for (const k of f.words)
				resp.toks.forEach((r, i) => {
					if (matchExact(k, r)) set.add(i);
				});
		return set;
	});

	const taken = new Set<number>();
	const partMatches: PartMatch[] = [];
	key.parts.forEach((part, pi) => {
		const exactAny = new Set<number>();
		exactByPart.forEach((set, pj) => {
			if (pj !== pi) for (const i of set) exactAny.add(i);
		});
		let best: PartMatch | undefined;
		const rank = (m: PartMatch) => (m.ok ? 4 : 0) + (m.ok && !m.unsure ? 2 : 0) + m.coverage;
		for (const form of part.forms) {
			const m = matchForm(form, resp, taken, exactAny, ctx);
			if (!best || rank(m) > rank(best)) best = m;
		}
		best ??= {
			ok: false,
			unsure: false,
			rule: 'not-there',
			used: [],
			notes: [],
			coverage: 0,
			why: 'no key'
		};
		if (best.ok) for (const i of best.used) taken.add(i);
		partMatches.push(best);
	});

	const notes: string[] = [];
	for (const m of partMatches) if (m.ok) for (const n of m.notes) addNote(notes, n);
	const okParts = partMatches.filter((m) => m.ok).length;
	const parts = key.parts.map((p, i) => {
		const m = partMatches[i];
		return {
			label: p.label,
			expected: p.expected,
			given: m.ok ? surface(text, resp, m.used) : '',
			correct: m.ok,
			score: m.ok ? 1 : 0
		};
	});

	// What else the answer says.
	const extra = judgeExtras(key, partMatches, resp, taken, ctx);
	for (const n of extra.notes) addNote(notes, n);
	if (extra.wrong) {
		return {
			score: 0,
			correct: false,
			unsure: extra.unsure,
			rule: extra.wrong.rule,
			reason: extra.wrong.reason,
			notes,
			parts: parts.map((p) => ({ ...p, correct: false, score: 0 }))
		};
	}
	const unsure =
		okParts === 0
			? partMatches.some((m) => m.nearMiss)
			: partMatches.some((m) => m.unsure || m.nearMiss) || extra.unsure;
	if (okParts === key.parts.length) {
		return {
			score: 1,
			correct: true,
			unsure,
			rule: decidingRule(partMatches),
			reason: notes.length ? `correct (${notes.join('; ')})` : 'correct',
			notes,
			parts
		};
	}
	const score = Math.round((okParts / key.parts.length) * 1000) / 1000;
	const missing = partMatches
		.map((m, i) => (m.ok ? undefined : `«${key.parts[i].expected}»`))
		.filter(Boolean);
	const firstWhy = partMatches.find((m) => !m.ok)?.why;
	let reason: string;
	let rule: RuleName;
	const tried = partMatches.find((m) => !m.ok && m.coverage > 0);
	if (okParts > 0) {
		reason = `partly right: ${missing.join(', ')} missing`;
		rule = 'parts';
	} else if (tried?.why) {
		reason = tried.why;
		rule = tried.rule;
	} else if (extra.named) {
		reason = `names «${extra.named}», not the answer`;
		rule = 'other-candidate';
	} else {
		reason = firstWhy ?? 'not the answer';
		rule = partMatches.find((m) => !m.ok)?.rule ?? 'not-there';
	}
	return { score, correct: false, unsure, rule, reason, notes, parts };
}

/** The rule that accepted every part: the most lenient one used (a surname over key words). */
function decidingRule(matches: PartMatch[]): RuleName {
	for (const lenient of ['less-precise', 'surname', 'name-in-head'] as const)
		if (matches.some((m) => m.rule === lenient)) return lenient;
	return matches.every((m) => m.rule === 'number') ? 'number' : 'key-words';
}

interface Extras {
	wrong?: { rule: RuleName; reason: string };
	unsure: boolean;
	notes: string[];
	/** a word of the text the answer gave instead of the key */
	named?: string;
}

/** Judges what the answer says beside the key: context, filler, or a contradiction. */
function judgeExtras(
	key: PreparedKey,
	matches: PartMatch[],
	resp: PreparedResponse,
	taken: Set<number>,
	ctx?: PreparedContext
): Extras {
	const forms = matches.map((m) => m.form).filter((f): f is KeyForm => f !== undefined);
	const keyFacts = new Map<string, string>();
	const keyQualifiers = new Set<string>();
	let keyNegated = false;
	let keyNumbers = false;
	let keyNisba = false;
	// Every accepted form of every part says what the key allows.
	const allForms = key.parts.flatMap((p) => p.forms);
	const keyFactIds = new Set<string>();
	for (const f of allForms) {
		for (const [c, id] of f.facts) {
			keyFacts.set(c, id);
			keyFactIds.add(`${c}:${id}`);
		}
		for (const q of f.qualifiers) keyQualifiers.add(q);
	}
	const keyGroups = new Set([...keyQualifiers].map((q) => QUALIFIER_GROUP[q.slice(10)]));
	let keyDated = false;
	for (const f of forms) {
		keyDated ||= f.facts.has('month') || f.facts.has('weekday');
		keyNegated ||= f.negated;
		keyNumbers ||= f.numbers.length > 0;
		keyNisba ||= f.nisba;
	}
	const anyOk = matches.some((m) => m.ok);
	// Which tokens quote the text around the key: worked out only if some extra word needs it.
	let quotedSet: Set<number> | undefined;
	const quoted = {
		has(i: number): boolean {
			quotedSet ??= ctx && anyOk ? quotedTokens(resp, taken, ctx) : new Set<number>();
			return quotedSet.has(i);
		}
	};
	const notes: string[] = [];
	let unsure = false;
	let hedge = false;
	let others = 0;
	let named: string | undefined;
	let contextWords = 0;
	const ignored: string[] = [];
	const surnames = new Set(
		matches.filter((m) => m.ok && m.surname !== undefined).map((m) => m.surname!)
	);
	const toks = resp.toks;

	/** the nearest meaningful token before i (fillers skipped) */
	const before = (i: number) => {
		for (let j = i - 1; j >= 0; j--) {
			const l = toks[j].lex;
			if (l && l.cls === 'filler') continue;
			return toks[j];
		}
		return undefined;
	};
	const contextual = (i: number) => {
		const b = before(i);
		return (
			quoted.has(i) ||
			(b !== undefined &&
				(b.lex?.cls === 'relation' || b.lex?.cls === 'direction') &&
				b.num === undefined)
		);
	};
	const joined = (i: number) => {
		const b = i > 0 ? toks[i - 1] : undefined;
		if (b?.lex?.cls === 'and' || b?.lex?.cls === 'hedge') return true;
		// "وبنغازي": a conjunction written on the word, when the word without it is the word and
		// something stands before it to be joined to
		const t = toks[i];
		let before = false;
		for (let j = 0; j < i && !before; j++) before = !toks[j].lex || toks[j].lex!.cls !== 'filler';
		if (!before) return false;
		return (
			/^[وف]/.test(t.token) &&
			t.token.length >= 4 &&
			t.variants.length > 1 &&
			!(ctx && ctx.vocabulary.has(t.token)) &&
			!(ctx && ctx.vocabulary.has(t.variants[0]))
		);
	};

	const seenNumbers = new Set<number>();
	for (let i = 0; i < toks.length; i++) {
		if (taken.has(i)) continue;
		const t = toks[i];
		if (t.num !== undefined) {
			if (seenNumbers.has(t.num)) continue;
			seenNumbers.add(t.num);
			const n = resp.numbers[t.num];
			if (keyNumbers) {
				if (anyOk)
					return {
						wrong: {
							rule: 'other-number',
							reason: `gives another number (${n.value}) beside the answer`
						},
						unsure,
						notes
					};
				continue;
			}
			// a year beside a date the text gives without one: cannot be checked, a teacher should look
			if (keyDated && !n.unit && Number.isInteger(n.value) && n.value >= 1000 && n.value <= 2100) {
				unsure = true;
				continue;
			}
			others++;
			if (quoted.has(i) || (ctx && ctx.nearNumbers.has(n.value))) continue;
			if (ctx)
				return {
					wrong: { rule: 'other-number', reason: `gives a number the text does not (${n.value})` },
					unsure,
					notes
				};
			unsure = true;
			continue;
		}
		const l = t.lex;
		if (l) {
			if (l.cls === 'filler' || l.cls === 'title' || l.cls === 'relation' || l.cls === 'and')
				continue;
			if (l.cls === 'hedge') {
				hedge = true;
				continue;
			}
			if (l.cls === 'negation') {
				if (keyNegated) continue;
				// A negation before the key negates the answer; before another name it only sets it aside.
				const next = toks.findIndex((x, j) => j > i && !(x.lex && x.lex.cls === 'filler'));
				if (next >= 0 && taken.has(next))
					return { wrong: { rule: 'negation', reason: 'the answer is negated' }, unsure, notes };
				if (next >= 0) taken.add(next);
				continue;
			}
			const meaning = `${l.cls}:${l.id}`;
			if (FACT_CLASSES.has(l.cls)) {
				const k = keyFacts.get(l.cls);
				if (keyFactIds.has(meaning)) continue;
				if (k !== undefined)
					return {
						wrong: { rule: 'other-fact', reason: `contradicts the key: «${t.token}»` },
						unsure,
						notes
					};
				others++;
				if (quoted.has(i) || ctx?.nearMeanings.has(meaning)) continue;
				if (ctx)
					return {
						wrong: { rule: 'other-fact', reason: `«${t.token}» contradicts the text` },
						unsure,
						notes
					};
				unsure = true;
				continue;
			}
			if (l.cls === 'qualifier') {
				if (keyQualifiers.has(meaning)) continue;
				// "أوائل" against "أواخر" contradicts; "الماضي" beside "أواخر" says something else
				if (keyGroups.has(QUALIFIER_GROUP[l.id]))
					return {
						wrong: { rule: 'other-qualifier', reason: `contradicts the key: «${t.token}»` },
						unsure,
						notes
					};
				if (quoted.has(i) || ctx?.nearMeanings.has(meaning)) continue;
				if (ctx)
					return {
						wrong: { rule: 'other-qualifier', reason: `«${t.token}» is not what the text says` },
						unsure,
						notes
					};
				unsure = true;
				continue;
			}
		}
		// Words of the prompt may be repeated, unless joined to the answer as a second one.
		const inPrompt = ctx !== undefined && t.variants.some((v) => ctx.prompt.has(v));
		if (inPrompt && !joined(i)) continue;
		// An ordinary word: context, a harmless extra, or a second answer.
		const inText =
			inPrompt ||
			(ctx !== undefined && t.variants.some((v) => v.length >= 3 && ctx.vocabulary.has(v)));
		// A word standing right before a surname the answer named is another first name.
		if (!inText && surnames.has(i + 1) && !t.latin === !toks[i + 1].latin) {
			return {
				wrong: { rule: 'other-first-name', reason: `«${t.token}» is not the person's first name` },
				unsure,
				notes
			};
		}
		const nisba = NISBA.test(t.token);
		if (inText) contextWords++;
		if (inText && (!nisba || keyNisba)) {
			if (contextual(i) && !joined(i)) continue;
			named ??= t.token;
			others++;
			if (anyOk)
				return {
					wrong: hedge
						? { rule: 'hedge', reason: `hedges between the answer and «${t.token}»` }
						: {
								rule: 'other-candidate',
								reason: `names «${t.token}» from the text beside the answer`
							},
					unsure,
					notes,
					named
				};
			continue;
		}
		if (joined(i) && !nisba) {
			others++;
			if (anyOk)
				return {
					wrong: hedge
						? { rule: 'hedge', reason: `hedges between the answer and «${t.token}»` }
						: { rule: 'second-answer', reason: `a second answer beside the key («${t.token}»)` },
					unsure,
					notes
				};
			continue;
		}
		if (t.token.length >= 2) {
			ignored.push(t.token);
			// An unknown name-like word could be a second answer: a teacher should look.
			if (anyOk && !t.token.startsWith('ال') && !nisba && t.token.length >= 3) unsure = true;
		}
	}
	if (hedge && others > 0)
		return { wrong: { rule: 'hedge', reason: 'hedges between two answers' }, unsure, notes, named };
	const lossy = matches.find((m) => m.ok && m.lossy)?.lossy;
	if (lossy && (ignored.length > 0 || others > 0 || contextWords > 0)) {
		return {
			wrong: { rule: 'wrong-stand-in', reason: `another word stands in place of «${lossy}»` },
			unsure,
			notes,
			named
		};
	}
	if (ignored.length) notes.push(`extra words ignored: ${ignored.join(' ')}`);
	return { unsure, notes, named };
}

/**
 * Response tokens that, together with a token that named the key, quote a contiguous run of a
 * cited paragraph ("زوارة الواقعة على مسافة"): context, not a second answer.
 */
function quotedTokens(
	resp: PreparedResponse,
	taken: Set<number>,
	ctx: PreparedContext
): Set<number> {
	const out = new Set<number>();
	const toks = resp.toks;
	const same = (a: Analyzed, p: number, k: number) => sameWord(a.variants[p], toks[k].variants);
	for (const k of taken) {
		const starts = new Set<number>();
		for (const v of toks[k].variants) {
			const list = ctx.positions.get(v);
			if (list) for (let x = 0; x < list.length; x += 2) starts.add(list[x] * 100000 + list[x + 1]);
		}
		for (const at of starts) {
			const a = ctx.all[Math.floor(at / 100000)];
			const p = at % 100000;
			{
				// extend both ways, letting the quote skip up to two words of the text at a time
				let kk = k - 1;
				let pp = p - 1;
				while (kk >= 0 && pp >= 0) {
					if (same(a, pp, kk)) {
						out.add(kk--);
						pp--;
					} else if (pp >= 1 && same(a, pp - 1, kk)) pp--;
					else if (pp >= 2 && same(a, pp - 2, kk)) pp -= 2;
					else break;
				}
				kk = k + 1;
				pp = p + 1;
				while (kk < toks.length && pp < a.tokens.length) {
					if (same(a, pp, kk)) {
						out.add(kk++);
						pp++;
					} else if (pp + 1 < a.tokens.length && same(a, pp + 1, kk)) pp++;
					else if (pp + 2 < a.tokens.length && same(a, pp + 2, kk)) pp += 2;
					else break;
				}
			}
		}
	}
	return out;
}
