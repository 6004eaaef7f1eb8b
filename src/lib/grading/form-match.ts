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
function isModifier(form: KeyForm, wi: number): boolean {
	const content = form.words.map((w, i) => ({ w, i })).filter(({ w }) => w.role !== 'optional');
	if (content.length < 2 || content.some(({ w }) => w.lex)) return false;
	const latin = content.every(({ w }) => w.latin);
	const at = content.findIndex(({ i }) => i === wi);
	return latin ? at < content.length - 1 : at > 0 && NISBA.test(form.words[wi].token);
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
	const named = form.words.filter((w, wi) => matched[wi] && w.role !== 'optional' && !w.lex);
	if (named.length === 0) return false;
	return named.every((w) => {
		const at = ctx.positions.get(w.variants[w.variants.length - 1]) ?? [];
		if (at.length === 0) return false;
		for (let x = 0; x < at.length; x += 2) {
			const a = ctx.all[at[x]];
			const near = [at[x + 1] - 2, at[x + 1] - 1, at[x + 1] + 1, at[x + 1] + 2];
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
 * Key words still unnamed that the answer writes as one word where the key has two, or as two
 * where the key has one ("بن علي" for "بنعلي", "باشاغا" for "باش آغا").
 */
function matchCompounds(
	form: KeyForm,
	resp: PreparedResponse,
	matched: (TokenMatch | undefined)[],
	matchedAt: number[],
	free: (i: number) => boolean,
	use: (i: number) => void,
	ctx?: PreparedContext
) {
	const toks = resp.toks;
	form.words.forEach((k, wi) => {
		if (matched[wi] || k.role !== 'word') return;
		const next = form.words[wi + 1];
		if (k.joinedWithNext && next && !matched[wi + 1]) {
			for (let i = 0; i < toks.length; i++) {
				if (!free(i)) continue;
				const m =
					matchExact(k.joinedWithNext, toks[i]) ?? matchLoose(k.joinedWithNext, toks[i], ctx);
				if (m && (m.how !== 'typo' || m.dist! <= m.allowed!)) {
					matched[wi] = matched[wi + 1] = { how: 'spelling' };
					matchedAt[wi] = matchedAt[wi + 1] = i;
					use(i);
					return;
				}
			}
		}
		for (let i = 0; i + 1 < toks.length; i++) {
			if (!free(i) || !free(i + 1) || toks[i].num !== undefined || toks[i + 1].num !== undefined)
				continue;
			const tok = joinedWithNext(resp, i);
			const m = matchExact(k, tok) ?? matchLoose(k, tok, ctx);
			if (m && (m.how !== 'typo' || m.dist! <= m.allowed!)) {
				matched[wi] = { how: 'spelling' };
				matchedAt[wi] = i;
				use(i);
				use(i + 1);
				return;
			}
		}
	});
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

export function matchForm(
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
	let ambiguous = false;
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
			const m = matchLoose(k, resp.toks[i], ctx, form.arabicPart);
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
	matchCompounds(form, resp, matched, matchedAt, free, use, ctx);

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
			const others = ctx ? otherFirstNames(ctx, last.k, form) : [];
			if (others.length) {
				ambiguous = true;
				unsure = true;
				notes.push(`the surname is shared (also «${others[0]} ${last.k.token}»): which person?`);
			} else notes.push('the surname alone names the person');
		} else if (person && !matched[last.wi]) {
			why = 'a first name alone does not name the person';
			rule = 'first-name-only';
		} else if (
			ctx &&
			missing.length === 1 &&
			isModifier(form, missing[0].wi) &&
			standsOnlyWith(ctx, form, missing[0].wi, matched)
		) {
			// "the fish market" for "the old fish market": the text has no other market
			ok = true;
			unsure = true;
			rule = 'less-precise';
			lossy = missing[0].k.token;
			notes.push(`less precise: «${lossy}» left out, the text names nothing else so`);
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
		} else if (
			required.length >= 3 &&
			missing.length === 1 &&
			missing[0] !== first &&
			// an adjective of origin left out as well is a second word missing
			form.words.every((k, wi) => !(k.lex?.cls === 'country' && k.lex.nisba) || matched[wi])
		) {
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
	if (
		ok &&
		rule === 'key-words' &&
		form.headed &&
		form.words.some((k, wi) => k.lex?.cls === 'head' && !matched[wi])
	)
		rule = 'name-in-head';
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
		surname,
		ambiguous
	};
}

export function addNote(notes: string[], note: string) {
	if (!notes.includes(note)) notes.push(note);
}
