/**
 * What an answer says beside the key: context quoted from the text, harmless filler, or a
 * contradiction (another number, fact, qualifier or candidate; a hedge; a negation).
 * Pure TypeScript: no DOM, no Node.
 */
import { sameWord, type Analyzed } from '../text/analyze';
import { FACT_CLASSES, type Lexeme } from '../text/lexicon';
import { type RuleName } from './rules';
import { type PreparedResponse, type RTok } from './answer-tokens';
import { type PreparedContext } from './context';
import { type PartMatch } from './form-match';
import { NISBA, type PreparedKey, QUALIFIER_GROUP } from './keys';

interface Extras {
	wrong?: Wrong;
	unsure: boolean;
	notes: string[];
	/** a word of the text the answer gave instead of the key */
	named?: string;
}

/** A rule that found the answer wrong, and why. */
interface Wrong {
	rule: RuleName;
	reason: string;
}

/** What the key's accepted forms (the ones the answer matched) say of themselves. */
interface KeyTraits {
	negated: boolean;
	/** the key holds a number: any other number beside it is another answer */
	numbers: boolean;
	/** the key is an adjective of origin («التركية»): another one beside it is no context */
	nisba: boolean;
	/** the key holds a month or a weekday: a year beside it cannot be checked */
	dated: boolean;
}

/** The scan of the answer's extra words: what the rules have found so far. */
interface Scan {
	key: PreparedKey;
	traits: KeyTraits;
	resp: PreparedResponse;
	ctx?: PreparedContext;
	/** some part of the key was named */
	keyNamed: boolean;
	/** tokens accounted for: the key's, and names a negation sets aside (the scan's own copy) */
	accounted: Set<number>;
	/** tokens quoting the text around the key (worked out when first asked) */
	quoted?: Set<number>;
	/** the tokens of surnames that named a person of the key */
	surnames: Set<number>;
	/** the numbers already judged (a number of several tokens is judged once) */
	seenNumbers: Set<number>;
	unsure: boolean;
	hedge: boolean;
	/** other candidates named beside the key */
	others: number;
	named?: string;
	/** words of the text or the prompt */
	contextWords: number;
	/** unknown words let pass */
	ignored: string[];
}

/** Judges what the answer says beside the key: context, filler, or a contradiction. */
export function judgeExtras(
	key: PreparedKey,
	matches: PartMatch[],
	resp: PreparedResponse,
	taken: ReadonlySet<number>,
	ctx?: PreparedContext
): Extras {
	const scan: Scan = {
		key,
		traits: keyTraits(matches),
		resp,
		ctx,
		keyNamed: matches.some((m) => m.ok),
		accounted: new Set(taken),
		surnames: new Set(
			matches.filter((m) => m.ok && m.surname !== undefined).map((m) => m.surname!)
		),
		seenNumbers: new Set(),
		unsure: false,
		hedge: false,
		others: 0,
		contextWords: 0,
		ignored: []
	};
	for (let i = 0; i < resp.toks.length; i++) {
		if (scan.accounted.has(i)) continue;
		const wrong = judgeToken(scan, i);
		if (wrong) return { wrong, unsure: scan.unsure, notes: [], named: scan.named };
	}
	const wrong = judgeWhole(scan, matches);
	if (wrong) return { wrong, unsure: scan.unsure, notes: [], named: scan.named };
	const notes = scan.ignored.length ? [`extra words ignored: ${scan.ignored.join(' ')}`] : [];
	return { unsure: scan.unsure, notes, named: scan.named };
}

function keyTraits(matches: PartMatch[]): KeyTraits {
	const traits: KeyTraits = { negated: false, numbers: false, nisba: false, dated: false };
	for (const m of matches) {
		const f = m.form;
		if (!f) continue;
		traits.dated ||= f.facts.has('month') || f.facts.has('weekday');
		traits.negated ||= f.negated;
		traits.numbers ||= f.numbers.length > 0;
		traits.nisba ||= f.nisba;
	}
	return traits;
}

/** One extra token, by what it is: a number, a word of the lexicon, or an ordinary word. */
function judgeToken(scan: Scan, i: number): Wrong | undefined {
	const t = scan.resp.toks[i];
	if (t.num !== undefined) return judgeNumber(scan, i, t.num);
	const byLexicon = t.lex ? judgeLexiconWord(scan, i, t.lex) : 'ordinary';
	return byLexicon === 'ordinary' ? judgeOrdinaryWord(scan, i) : byLexicon;
}

/** Whether a token quotes the text around the key. */
function isQuoted(scan: Scan, i: number): boolean {
	scan.quoted ??=
		scan.ctx && scan.keyNamed ? quotedTokens(scan.resp, scan.accounted, scan.ctx) : new Set();
	return scan.quoted.has(i);
}

/** Rules `other-number`: a number beside the key that the key or the text contradicts. */
function judgeNumber(scan: Scan, i: number, num: number): Wrong | undefined {
	if (scan.seenNumbers.has(num)) return undefined;
	scan.seenNumbers.add(num);
	const n = scan.resp.numbers[num];
	if (scan.traits.numbers) {
		if (!scan.keyNamed) return undefined;
		return { rule: 'other-number', reason: `gives another number (${n.value}) beside the answer` };
	}
	// a year beside a date the text gives without one: cannot be checked, a teacher should look
	if (
		scan.traits.dated &&
		!n.unit &&
		Number.isInteger(n.value) &&
		n.value >= 1000 &&
		n.value <= 2100
	) {
		scan.unsure = true;
		return undefined;
	}
	scan.others++;
	if (isQuoted(scan, i) || scan.ctx?.nearNumbers.has(n.value)) return undefined;
	if (scan.ctx)
		return { rule: 'other-number', reason: `gives a number the text does not (${n.value})` };
	scan.unsure = true;
	return undefined;
}

/**
 * A word of the lexicon: wrapping, a hedge, a negation, a fact or a qualifier; 'ordinary' for the
 * classes judged as ordinary words (periods, heads, speech, …).
 */
function judgeLexiconWord(scan: Scan, i: number, l: Lexeme): Wrong | undefined | 'ordinary' {
	if (l.cls === 'filler' || l.cls === 'title' || l.cls === 'relation' || l.cls === 'and')
		return undefined;
	if (l.cls === 'hedge') {
		scan.hedge = true;
		return undefined;
	}
	if (l.cls === 'negation') return judgeNegation(scan, i);
	if (FACT_CLASSES.has(l.cls)) return judgeFact(scan, i, l);
	if (l.cls === 'qualifier') return judgeQualifier(scan, i, l);
	return 'ordinary';
}

/** Rule `negation`: a negation before the key negates it; before another name it sets it aside. */
function judgeNegation(scan: Scan, i: number): Wrong | undefined {
	if (scan.traits.negated) return undefined;
	const toks = scan.resp.toks;
	const next = toks.findIndex((x, j) => j > i && !(x.lex && x.lex.cls === 'filler'));
	if (next >= 0 && scan.accounted.has(next))
		return { rule: 'negation', reason: 'the answer is negated' };
	if (next >= 0) scan.accounted.add(next);
	return undefined;
}

/** Rule `other-fact`: another direction, month, weekday or country than the key's or the text's. */
function judgeFact(scan: Scan, i: number, l: Lexeme): Wrong | undefined {
	const meaning = `${l.cls}:${l.id}`;
	const { facts, factIds } = scan.key.allows;
	if (factIds.has(meaning)) return undefined;
	const token = scan.resp.toks[i].token;
	if (facts.get(l.cls) !== undefined)
		return { rule: 'other-fact', reason: `contradicts the key: «${token}»` };
	scan.others++;
	if (isQuoted(scan, i) || scan.ctx?.nearMeanings.has(meaning)) return undefined;
	if (scan.ctx) return { rule: 'other-fact', reason: `«${token}» contradicts the text` };
	scan.unsure = true;
	return undefined;
}

/** Rule `other-qualifier`: a qualifier that contradicts the key's, or that the text does not give. */
function judgeQualifier(scan: Scan, i: number, l: Lexeme): Wrong | undefined {
	const meaning = `${l.cls}:${l.id}`;
	const { qualifiers, qualifierGroups } = scan.key.allows;
	if (qualifiers.has(meaning)) return undefined;
	const token = scan.resp.toks[i].token;
	// "أوائل" against "أواخر" contradicts; "الماضي" beside "أواخر" says something else
	if (qualifierGroups.has(QUALIFIER_GROUP[l.id]))
		return { rule: 'other-qualifier', reason: `contradicts the key: «${token}»` };
	if (isQuoted(scan, i) || scan.ctx?.nearMeanings.has(meaning)) return undefined;
	if (scan.ctx) return { rule: 'other-qualifier', reason: `«${token}» is not what the text says` };
	scan.unsure = true;
	return undefined;
}

/**
 * An ordinary word: the prompt repeated, context quoted from the text, another first name, another
 * candidate of the text, a second answer joined on, or an unknown word let pass.
 */
function judgeOrdinaryWord(scan: Scan, i: number): Wrong | undefined {
	const { ctx } = scan;
	const t = scan.resp.toks[i];
	// Words of the prompt may be repeated, unless joined to the answer as a second one.
	const inPrompt = ctx !== undefined && t.variants.some((v) => ctx.prompt.has(v));
	if (inPrompt && !isJoined(scan, i)) return undefined;
	const inText =
		inPrompt ||
		(ctx !== undefined && t.variants.some((v) => v.length >= 3 && ctx.vocabulary.has(v)));
	if (isOtherFirstName(scan, i, inText))
		return { rule: 'other-first-name', reason: `«${t.token}» is not the person's first name` };
	const nisba = NISBA.test(t.token);
	if (inText) scan.contextWords++;
	if (inText && (!nisba || scan.traits.nisba)) return judgeWordOfText(scan, i);
	if (isJoined(scan, i) && !nisba) {
		scan.others++;
		if (!scan.keyNamed) return undefined;
		return scan.hedge
			? hedgeWith(t.token)
			: { rule: 'second-answer', reason: `a second answer beside the key («${t.token}»)` };
	}
	if (t.token.length >= 2) {
		scan.ignored.push(t.token);
		// An unknown name-like word could be a second answer: a teacher should look.
		if (scan.keyNamed && !t.token.startsWith('ال') && !nisba && t.token.length >= 3)
			scan.unsure = true;
	}
	return undefined;
}

function hedgeWith(token: string): Wrong {
	return { rule: 'hedge', reason: `hedges between the answer and «${token}»` };
}

/** Rule `other-first-name`: a word right before a surname the answer named is another first name. */
function isOtherFirstName(scan: Scan, i: number, inText: boolean): boolean {
	if (!scan.surnames.has(i + 1)) return false;
	const t = scan.resp.toks[i];
	const surname = scan.resp.toks[i + 1];
	if (!t.latin !== !surname.latin) return false;
	return !inText || surname.variants.some((v) => scan.ctx?.before.get(v)?.includes(t.variants[0]));
}

/** Rule `other-candidate`: a word of the text beside the key, unless it is context of it. */
function judgeWordOfText(scan: Scan, i: number): Wrong | undefined {
	if (isContextual(scan, i) && !isJoined(scan, i)) return undefined;
	const token = scan.resp.toks[i].token;
	scan.named ??= token;
	scan.others++;
	if (!scan.keyNamed) return undefined;
	return scan.hedge
		? hedgeWith(token)
		: { rule: 'other-candidate', reason: `names «${token}» from the text beside the answer` };
}

/** The nearest meaningful token before i (fillers skipped). */
function meaningfulBefore(toks: RTok[], i: number): RTok | undefined {
	for (let j = i - 1; j >= 0; j--) {
		if (toks[j].lex?.cls === 'filler') continue;
		return toks[j];
	}
	return undefined;
}

/** Context: quoted from the text, or after a relation or a direction («قرب طرابلس»). */
function isContextual(scan: Scan, i: number): boolean {
	if (isQuoted(scan, i)) return true;
	const b = meaningfulBefore(scan.resp.toks, i);
	return (
		b !== undefined &&
		(b.lex?.cls === 'relation' || b.lex?.cls === 'direction') &&
		b.num === undefined
	);
}

/** Whether a token is joined to what stands before it: after "and" or a hedge, or «و» on it. */
function isJoined(scan: Scan, i: number): boolean {
	const toks = scan.resp.toks;
	const b = i > 0 ? toks[i - 1] : undefined;
	if (b?.lex?.cls === 'and' || b?.lex?.cls === 'hedge') return true;
	// "وبنغازي": a conjunction written on the word, when the word without it is the word and
	// something stands before it to be joined to
	if (!toks.slice(0, i).some((x) => !x.lex || x.lex.cls !== 'filler')) return false;
	const t = toks[i];
	const { ctx } = scan;
	return (
		/^[وف]/.test(t.token) &&
		t.token.length >= 4 &&
		t.variants.length > 1 &&
		!(ctx && ctx.vocabulary.has(t.token)) &&
		!(ctx && ctx.vocabulary.has(t.variants[0]))
	);
}

/** Rules on the answer as a whole, once every word is judged: a hedge, a wrong stand-in. */
function judgeWhole(scan: Scan, matches: PartMatch[]): Wrong | undefined {
	if (scan.hedge && (scan.others > 0 || scan.ignored.length > 0))
		return { rule: 'hedge', reason: 'hedges between two answers' };
	const lossy = matches.find((m) => m.ok && m.lossy)?.lossy;
	if (lossy && (scan.ignored.length > 0 || scan.others > 0 || scan.contextWords > 0))
		return { rule: 'wrong-stand-in', reason: `another word stands in place of «${lossy}»` };
	return undefined;
}

/**
 * Response tokens that, together with a token that named the key, quote a contiguous run of a
 * cited paragraph ("زوارة الواقعة على مسافة"): context, not a second answer.
 */
function quotedTokens(
	resp: PreparedResponse,
	taken: ReadonlySet<number>,
	ctx: PreparedContext
): Set<number> {
	const quoted = new Set<number>();
	for (const named of taken) {
		for (const v of resp.toks[named].variants) {
			for (const at of ctx.positions.get(v) ?? [])
				extendQuote(resp, named, ctx.all[at.paragraph], at.token, quoted);
		}
	}
	return quoted;
}

/**
 * Adds to `quoted` the answer's tokens around `named` that follow the paragraph around its word
 * `word`, both ways, letting the quote skip up to two words of the text at a time.
 */
function extendQuote(
	resp: PreparedResponse,
	named: number,
	paragraph: Analyzed,
	word: number,
	quoted: Set<number>
) {
	const toks = resp.toks;
	const same = (p: number, t: number) => sameWord(paragraph.variants[p], toks[t].variants);
	const last = paragraph.tokens.length - 1;
	let t = named - 1;
	let p = word - 1;
	while (t >= 0 && p >= 0) {
		if (same(p, t)) {
			quoted.add(t);
			t--;
			p--;
		} else if (p >= 1 && same(p - 1, t)) p--;
		else if (p >= 2 && same(p - 2, t)) p -= 2;
		else break;
	}
	t = named + 1;
	p = word + 1;
	while (t < toks.length && p <= last) {
		if (same(p, t)) {
			quoted.add(t);
			t++;
			p++;
		} else if (p + 1 <= last && same(p + 1, t)) p++;
		else if (p + 2 <= last && same(p + 2, t)) p += 2;
		else break;
	}
}
