/**
 * One accepted form of a key part against the answer: its numbers, then its words, compound
 * names, and what may be left out (a surname for a person, a modifier the text never needs).
 * Pure TypeScript: no DOM, no Node.
 */
import { sameWord } from '../text/analyze';
import { convert, unitOf } from '../text/units';
import { type RuleName } from './rules';
import { joinedWithNext, type PreparedResponse } from './answer-tokens';
import { type PreparedContext } from './context';
import { type KeyForm, type KeyWord, NISBA } from './keys';
import { type TokenMatch, matchExact, matchLoose } from './word-match';

export interface PartMatch {
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
	/** named by a surname another person of the article shares: half right, for review */
	ambiguous?: boolean;
}

/**
 * Whether a key word qualifies another (an adjective or a noun modifier): before the last word of
 * an English key ("old" in "old fish market"), after the first of an Arabic one.
 */
function isModifier(form: KeyForm, wordIndex: number): boolean {
	const content = form.words.map((w, i) => ({ w, i })).filter(({ w }) => w.role !== 'optional');
	if (content.length < 2 || content.some(({ w }) => w.lex)) return false;
	const latin = content.every(({ w }) => w.latin);
	const at = content.findIndex(({ i }) => i === wordIndex);
	return latin ? at < content.length - 1 : at > 0 && NISBA.test(form.words[wordIndex].token);
}

/**
 * Whether every word of the key the answer named stands in the article only beside the word it
 * left out: then the shorter answer still names the one thing the text means.
 */
function standsOnlyWith(
	ctx: PreparedContext,
	form: KeyForm,
	left: number,
	matched: (TokenMatch | undefined)[]
): boolean {
	const leftOut = form.words[left];
	const named = form.words.filter((w, i) => matched[i] && w.role !== 'optional' && !w.lex);
	if (named.length === 0) return false;
	return named.every((w) => {
		const at = ctx.positions.get(w.variants[w.variants.length - 1]) ?? [];
		if (at.length === 0) return false;
		for (const { paragraph, token } of at) {
			const a = ctx.all[paragraph];
			const near = [token - 2, token - 1, token + 1, token + 2];
			if (
				!near.some(
					(t) => t >= 0 && t < a.tokens.length && sameWord(a.variants[t], leftOut.variants)
				)
			)
				return false;
		}
		return true;
	});
}

/**
 * The response tokens a form has claimed so far (its own: the caller's set of tokens other parts
 * took is read, never written).
 */
class Claims {
	private readonly busy: Uint8Array;
	/** the tokens this form took, in the order it took them */
	readonly used: number[] = [];
	constructor(length: number, taken: ReadonlySet<number>) {
		this.busy = new Uint8Array(length);
		for (const i of taken) this.busy[i] = 1;
	}
	free(i: number): boolean {
		return this.busy[i] === 0;
	}
	use(i: number) {
		this.busy[i] = 1;
		this.used.push(i);
	}
}

/** The key's words matched so far: how each was named, and at which response token. */
interface WordMatches {
	how: (TokenMatch | undefined)[];
	at: number[];
}

function named(words: WordMatches, wordIndex: number, match: TokenMatch, at: number) {
	words.how[wordIndex] = match;
	words.at[wordIndex] = at;
}

/** A typo match within what the word's length allows (any other kind of match always is). */
const withinTypos = (m: TokenMatch) => m.how !== 'typo' || m.dist! <= m.allowed!;

/**
 * Key words still unnamed that the answer writes as one word where the key has two, or as two
 * where the key has one ("بن علي" for "بنعلي", "باشاغا" for "باش آغا").
 */
function matchCompounds(
	form: KeyForm,
	resp: PreparedResponse,
	words: WordMatches,
	claims: Claims,
	ctx?: PreparedContext
) {
	form.words.forEach((k, wordIndex) => {
		if (words.how[wordIndex] || k.role !== 'word') return;
		if (matchTwoKeyWordsAsOne(form, wordIndex, resp, words, claims, ctx)) return;
		matchOneKeyWordAsTwo(k, wordIndex, resp, words, claims, ctx);
	});
}

/** «باشاغا» for the key's «باش آغا»: one response token names this key word and the next. */
function matchTwoKeyWordsAsOne(
	form: KeyForm,
	wordIndex: number,
	resp: PreparedResponse,
	words: WordMatches,
	claims: Claims,
	ctx?: PreparedContext
): boolean {
	const joined = form.words[wordIndex].joinedWithNext;
	if (!joined || !form.words[wordIndex + 1] || words.how[wordIndex + 1]) return false;
	for (let i = 0; i < resp.toks.length; i++) {
		if (!claims.free(i)) continue;
		const m = matchExact(joined, resp.toks[i]) ?? matchLoose(joined, resp.toks[i], ctx);
		if (m && withinTypos(m)) {
			named(words, wordIndex, { how: 'spelling' }, i);
			named(words, wordIndex + 1, { how: 'spelling' }, i);
			claims.use(i);
			return true;
		}
	}
	return false;
}

/** «بن علي» for the key's «بنعلي»: two response tokens, joined, name this key word. */
function matchOneKeyWordAsTwo(
	k: KeyWord,
	wordIndex: number,
	resp: PreparedResponse,
	words: WordMatches,
	claims: Claims,
	ctx?: PreparedContext
) {
	const toks = resp.toks;
	for (let i = 0; i + 1 < toks.length; i++) {
		if (!claims.free(i) || !claims.free(i + 1)) continue;
		if (toks[i].num !== undefined || toks[i + 1].num !== undefined) continue;
		const tok = joinedWithNext(resp, i);
		const m = matchExact(k, tok) ?? matchLoose(k, tok, ctx);
		if (m && withinTypos(m)) {
			named(words, wordIndex, { how: 'spelling' }, i);
			claims.use(i);
			claims.use(i + 1);
			return;
		}
	}
}

/** First names that stand before this surname in the article other than the key's own. */
function otherFirstNames(ctx: PreparedContext, surname: KeyWord, form: KeyForm): string[] {
	const own = new Set(form.words.flatMap((w) => w.variants));
	const out: string[] = [];
	for (const v of surname.variants) {
		for (const first of ctx.before.get(v) ?? [])
			if (!own.has(first) && !out.includes(first)) out.push(first);
	}
	return out;
}

/** A number of the key against the numbers of the answer: the one that matches, or why none. */
function findNumber(
	keyNumber: KeyForm['numbers'][number],
	resp: PreparedResponse,
	claims: Claims,
	notes: string[]
): { found: number; why?: string } {
	let why: string | undefined;
	for (let k = 0; k < resp.numbers.length; k++) {
		const given = resp.numbers[k];
		if (!claims.free(given.index)) continue;
		let value = given.value;
		if (given.unit && keyNumber.unit) {
			const converted = convert(given.value, given.unit, keyNumber.unit);
			if (converted === undefined) {
				if (Math.abs(given.value - keyNumber.value) <= keyNumber.tolerance)
					why = `wrong unit (${given.unit}, not ${keyNumber.unit})`;
				continue;
			}
			if (given.unit !== keyNumber.unit)
				notes.push(`unit converted (${given.unit} → ${keyNumber.unit})`);
			value = converted;
		}
		if (Math.abs(value - keyNumber.value) > keyNumber.tolerance + 1e-9) continue;
		if (!given.unit && keyNumber.unit && !keyNumber.unitOptional) {
			why = `the unit is missing (${keyNumber.unit})`;
			continue;
		}
		return { found: k };
	}
	return { found: -1, why };
}

/**
 * Rule `number`: every number of the form stands in the answer, by value within tolerance and
 * in a unit that converts; the tokens are claimed. Why not, when one is missing.
 */
function matchNumbers(
	form: KeyForm,
	resp: PreparedResponse,
	claims: Claims,
	notes: string[]
): string | undefined {
	for (const keyNumber of form.numbers) {
		const { found, why } = findNumber(keyNumber, resp, claims, notes);
		if (found < 0)
			return (
				why ?? `the number is not ${keyNumber.value}${keyNumber.unit ? ' ' + keyNumber.unit : ''}`
			);
		const given = resp.numbers[found];
		for (let j = 0; j < (given.length ?? 1); j++) claims.use(given.index + j);
		if (given.words) notes.push('number written in words');
		if (given.value !== keyNumber.value && keyNumber.tolerance > 0)
			notes.push(`within tolerance (±${keyNumber.tolerance})`);
		if (given.unit && keyNumber.unit) {
			const unitToken = resp.toks[given.index + (given.length ?? 1) - 1]?.token;
			if (unitToken && unitOf(unitToken) && !form.text.includes(unitToken))
				notes.push('unit spelling accepted');
		}
	}
	return undefined;
}

/** Exact and clitic matches first, each key word taking the first free token that names it. */
function matchWordsExactly(
	form: KeyForm,
	resp: PreparedResponse,
	words: WordMatches,
	claims: Claims
) {
	form.words.forEach((k, wordIndex) => {
		for (let i = 0; i < resp.toks.length; i++) {
			if (!claims.free(i)) continue;
			const m = matchExact(k, resp.toks[i]);
			if (m) {
				named(words, wordIndex, m, i);
				claims.use(i);
				return;
			}
		}
	});
}

/**
 * Then variants, transliterations and typos, the closest first; tokens that exactly name another
 * part's word are left to it. Returns whether some word was missed by one typo (a near miss).
 */
function matchWordsLoosely(
	form: KeyForm,
	resp: PreparedResponse,
	words: WordMatches,
	claims: Claims,
	otherPartsExact: ReadonlySet<number>,
	ctx?: PreparedContext
): boolean {
	let nearMiss = false;
	form.words.forEach((k, wordIndex) => {
		if (words.how[wordIndex] || k.role !== 'word') return;
		let best: { i: number; m: TokenMatch } | undefined;
		for (let i = 0; i < resp.toks.length; i++) {
			if (!claims.free(i) || otherPartsExact.has(i)) continue;
			const m = matchLoose(k, resp.toks[i], ctx, form.arabicPart);
			if (!m) continue;
			if (!withinTypos(m)) {
				if (m.dist === m.allowed! + 1) nearMiss = true;
				continue;
			}
			if (!best || (best.m.how === 'typo' && (m.how !== 'typo' || m.dist! < best.m.dist!)))
				best = { i, m };
		}
		if (best) {
			named(words, wordIndex, best.m, best.i);
			claims.use(best.i);
		}
	});
	return nearMiss;
}

/** The verdict on a form some of whose required words the answer named, and some not. */
interface MissingWordsVerdict {
	ok: boolean;
	rule: RuleName;
	why?: string;
	unsure?: boolean;
	nearMiss?: boolean;
	lossy?: string;
	surname?: number;
	ambiguous?: boolean;
}

type Required = { k: KeyWord; wordIndex: number }[];

/** Whether the form names a person: declared so, or maybe, when the prompt or a title says so. */
function namesPerson(form: KeyForm, first: KeyWord, ctx?: PreparedContext): boolean {
	return (
		form.person ||
		(form.maybePerson &&
			ctx !== undefined &&
			(ctx.asksWho || first.variants.some((v) => ctx.afterTitle.has(v))))
	);
}

/**
 * Rules `surname`, `first-name-only`, `less-precise` and `incomplete`: some required words named,
 * some not.
 */
function judgeMissingWords(
	form: KeyForm,
	words: WordMatches,
	required: Required,
	missing: Required,
	notes: string[],
	ctx?: PreparedContext
): MissingWordsVerdict {
	const first = required[0];
	const last = required[required.length - 1];
	if (namesPerson(form, first.k, ctx)) {
		if (words.how[last.wordIndex]) return bySurname(form, last, words, notes, ctx);
		return {
			ok: false,
			rule: 'first-name-only',
			why: 'a first name alone does not name the person'
		};
	}
	const onlyOne = missing.length === 1 ? missing[0] : undefined;
	if (
		ctx &&
		onlyOne &&
		isModifier(form, onlyOne.wordIndex) &&
		standsOnlyWith(ctx, form, onlyOne.wordIndex, words.how)
	) {
		// "the fish market" for "the old fish market": the text has no other market
		const lossy = onlyOne.k.token;
		notes.push(`less precise: «${lossy}» left out, the text names nothing else so`);
		return { ok: true, unsure: true, rule: 'less-precise', lossy };
	}
	if (form.maybePerson && words.how[last.wordIndex] && onlyOne === first) {
		// Only the last word of what may be a person's name: right if it is a surname.
		const why = 'only the last word of the key: right if the key is a person and this the surname';
		return { ok: false, rule: 'incomplete', why, nearMiss: true };
	}
	if (required.length >= 3 && onlyOne && onlyOne !== first && everyNisbaNamed(form, words)) {
		const lossy = onlyOne.k.token;
		notes.push(`less precise: «${lossy}» left out`);
		return { ok: true, unsure: true, rule: 'less-precise', lossy };
	}
	const why = `incomplete: «${missing.map((m) => m.k.token).join(' ')}» is missing`;
	return { ok: false, rule: 'incomplete', why };
}

/** An adjective of origin left out as well is a second word missing. */
function everyNisbaNamed(form: KeyForm, words: WordMatches): boolean {
	return form.words.every((k, i) => !(k.lex?.cls === 'country' && k.lex.nisba) || words.how[i]);
}

/** Rule `surname`: a person named by the surname alone, for review when another shares it. */
function bySurname(
	form: KeyForm,
	last: Required[number],
	words: WordMatches,
	notes: string[],
	ctx?: PreparedContext
): MissingWordsVerdict {
	const surname = words.at[last.wordIndex];
	const others = ctx ? otherFirstNames(ctx, last.k, form) : [];
	if (!others.length) {
		notes.push('the surname alone names the person');
		return { ok: true, rule: 'surname', surname };
	}
	notes.push(`the surname is shared (also «${others[0]} ${last.k.token}»): which person?`);
	return { ok: true, rule: 'surname', surname, ambiguous: true, unsure: true };
}

/** How the named words were matched, for a teacher; whether a typo at its limit makes it unsure. */
function matchNotes(words: WordMatches, notes: string[]): boolean {
	let unsure = false;
	for (const m of words.how) {
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
	return unsure;
}

/** Rule `name-in-head`: the name of a key made of a generic head and a name, the head left out. */
function headLeftOut(form: KeyForm, words: WordMatches): boolean {
	return form.headed && form.words.some((k, i) => k.lex?.cls === 'head' && !words.how[i]);
}

/** A qualifier of the key left out: less precise than the text, not contradicting it. */
function qualifierLeftOut(form: KeyForm, words: WordMatches, required: Required): boolean {
	return (
		required.length < form.words.length &&
		form.words.some((k, i) => k.lex?.cls === 'qualifier' && !words.how[i])
	);
}

/**
 * The verdict on the words the answer named (its numbers all found): all of them, some of them
 * (see `judgeMissingWords`), or none; and how much of the form they cover.
 */
function judgeNamedWords(
	form: KeyForm,
	words: WordMatches,
	notes: string[],
	ctx?: PreparedContext
): { verdict: MissingWordsVerdict; coverage: number } {
	const required = form.words
		.map((k, wordIndex) => ({ k, wordIndex }))
		.filter(({ k }) => k.role !== 'optional');
	const missing = required.filter(({ wordIndex }) => !words.how[wordIndex]);
	const total = required.length + form.numbers.length;
	const coverage = total === 0 ? 0 : (total - missing.length) / total;
	const verdict: MissingWordsVerdict =
		total > 0 && missing.length === 0
			? { ok: true, rule: form.words.length ? 'key-words' : 'number' }
			: total > 0 && missing.length < required.length
				? judgeMissingWords(form, words, required, missing, notes, ctx)
				: { ok: false, rule: 'not-there', why: 'the answer is not there' };
	if (!verdict.ok) return { verdict, coverage };
	return { verdict: withHowNamed(form, words, required, verdict, notes), coverage };
}

/** A right form's rule and notes by how its words were named (a head or a qualifier left out). */
function withHowNamed(
	form: KeyForm,
	words: WordMatches,
	required: Required,
	verdict: MissingWordsVerdict,
	notes: string[]
): MissingWordsVerdict {
	const rule =
		verdict.rule === 'key-words' && headLeftOut(form, words) ? 'name-in-head' : verdict.rule;
	if (qualifierLeftOut(form, words, required))
		notes.push('less precise than the text, without contradicting it');
	const unsure = matchNotes(words, notes) || verdict.unsure === true;
	return { ...verdict, rule, unsure };
}

/**
 * One accepted form of a key part against the answer: its numbers, then its words, then what may
 * be left out.
 * @param form the accepted form
 * @param resp the answer
 * @param taken tokens other parts of the key took (read only)
 * @param otherPartsExact tokens that exactly name a word of another part: not taken loosely
 * @param ctx the text around the answer, if known
 */
export function matchForm(
	form: KeyForm,
	resp: PreparedResponse,
	taken: ReadonlySet<number>,
	otherPartsExact: ReadonlySet<number>,
	ctx?: PreparedContext
): PartMatch {
	const notes: string[] = [];
	const claims = new Claims(resp.toks.length, taken);
	const numberMissing = matchNumbers(form, resp, claims, notes);
	if (numberMissing !== undefined) {
		const used = claims.used;
		return {
			ok: false,
			unsure: false,
			form,
			used,
			notes,
			why: numberMissing,
			rule: 'number',
			coverage: 0
		};
	}
	const words: WordMatches = {
		how: form.words.map(() => undefined),
		at: form.words.map(() => -1)
	};
	matchWordsExactly(form, resp, words, claims);
	const nearMiss = matchWordsLoosely(form, resp, words, claims, otherPartsExact, ctx);
	matchCompounds(form, resp, words, claims, ctx);

	const { verdict, coverage } = judgeNamedWords(form, words, notes, ctx);
	const { rule, unsure = false } = verdict;
	return {
		ok: verdict.ok,
		unsure,
		rule,
		form,
		used: claims.used,
		notes,
		why: verdict.why,
		nearMiss: !verdict.ok && (nearMiss || verdict.nearMiss === true),
		coverage,
		lossy: verdict.lossy,
		surname: verdict.surname,
		ambiguous: verdict.ambiguous ?? false
	};
}

/**
 * Adds a note once.
 * @param notes the notes so far
 * @param note the note
 */
export function addNote(notes: string[], note: string) {
	if (!notes.includes(note)) notes.push(note);
}
