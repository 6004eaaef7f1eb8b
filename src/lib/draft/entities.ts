/**
 * What an article is made of, found with the text module's knowledge and a few patterns: numbers
 * with their units, distances with their direction and reference place, people with their roles,
 * places, quotes with their speakers, and dates. Each item keeps the words it stands on, so a
 * rule quotes the text exactly.
 */
import { findNumbers } from '../text/units';
import { isLatin } from '../text/names';
import { lexeme } from '../text/lexicon';
import {
	breaksAfter,
	fold,
	rawForVariant,
	sentenceEndsAfter,
	stemOf,
	type ReadArticle,
	type ReadParagraph,
	type Span,
	type Word
} from './text';

/** A number of the text with the unit written after it. */
export interface NumberFact {
	value: number;
	unit?: string;
	/** the number's words, and with its unit */
	number: Span;
	withUnit: Span;
	/** "more than", "about": the text does not give the value exactly */
	qualified: boolean;
}

/** "X … N km DIR of Y": a distance and direction between two places. */
export interface DistanceFact {
	n: NumberFact & { p: ReadParagraph };
	/** the direction word's span and meaning id (N, S, E, W) */
	direction?: { span: Span; id: string };
	/** the reference place, its span, and the span from the direction to it */
	reference: { text: string; span: Span };
	/** from the direction (or the number) to the reference: the proof of a direction */
	dirPhrase?: Span;
	/** the place that lies there, as the prompt names it */
	subject: { text: string; span: Span };
}

/** A person named in the text. */
export interface Person {
	/** folded full name: the key */
	key: string;
	/** the name as written, e.g. «فتحي باشاغا» */
	name: string;
	/** the surname as written, folded (a lone surname names the person, unless shared) */
	surname: string;
	surnameRaw: string;
	/** each role as written, and the span of the role with the name beside it */
	roles: { text: string; span: Span; with: Span }[];
	/** every place the full name or the surname stands */
	mentions: Span[];
}

/** A place (or organisation) named in the text. */
export interface Place {
	key: string;
	text: string;
	mentions: Span[];
}

/** A quotation and who said it. */
export interface Quote {
	p: ReadParagraph;
	/** the quoted words (inside the marks) */
	text: string;
	/** character offsets of the quoted words in the paragraph */
	start: number;
	end: number;
	speaker: Speaker;
	/** the words that attribute it ("وقال تاونسند"), verbatim, possibly in an earlier paragraph */
	attribution: Span;
}

export type Speaker =
	{ kind: 'person'; person: Person } | { kind: 'org'; key: string; text: string };

/** Everything the rules draft from. */
export interface Entities {
	numbers: (NumberFact & { p: ReadParagraph })[];
	distances: DistanceFact[];
	people: Person[];
	places: Place[];
	quotes: Quote[];
}

const folded = (words: string) => new Set(words.split(/\s+/).map(fold));

/** Nouns of office that come before the qualifiers of a role: «وزير الداخلية». */
const ROLE_HEADS = folded(
	'رئيس رئيسة وزير وزيرة قائد قائدة سفير سفيرة مدير مديرة أستاذ أستاذة طالب طالبة عالم عالمة أمين أمينة محافظ نائب نائبة مستشار مستشارة المتحدث المتحدثة باحث باحثة مراسل مراسلة عمدة ملك أمير'
);
/** Ranks and honorifics right before a name: «الجنرال ستيفن تاونسند». */
const RANKS = folded(
	'الجنرال جنرال المشير مشير الدكتور الدكتورة د السيد السيدة العقيد اللواء العميد الشيخ الأستاذ البروفيسور الرائد النقيب'
);
/** Nouns in construct that continue a role without the article: «رئيس حكومة الوفاق». */
const CONSTRUCT = folded('حكومة لحكومة وزارة جامعة قيادة مجلس منظمة هيئة شركة بعثة علم معهد مركز');
const PREPOSITIONS = folded('في لدى من عن');
/** Words that are never part of a name. */
const NOT_NAME = folded(
	'ما من عن إلى الى على هذا هذه ذلك تلك التي الذي اللذين اللتين بعد قبل أن إن أنّ إنّ كان كانت قد لم لن اليوم أمس يوم مع عبر حتى بين ضد دون غير كل بعض أي وقد ثم أو أم بل لكن بها به لها له عليها عليه منها منه فيها فيه معها معه معهما عليهما وهي وهو'
);
/** Verbs that introduce a quotation (beside the lexicon's speech class). */
const SPEECH = folded(
	'قال قالت وقال وقالت يقول تقول أضاف وأضاف أضافت وأضافت أكد وأكد أكدت وأكدت اكدت أشار وأشار أشارت وأشارت أوضح وأوضح أوضحت حذر وحذر فحذر حذرت وحذرت فحذرت أعلن وأعلن أعلنت صرح وصرح صرحت said says added told warned stressed'
);
const ADDED = folded('أضاف وأضاف أضافت وأضافت added');
/** Where the words after a speech verb stop naming the speaker. */
const SPEAKER_STOP = folded(
	'في أن أنّ إن إنّ إلى الى بهذا بأن لـ من عن قائلا قائلة مضيفا مضيفة أمس اليوم who that'
);
const PRONOUNS = folded('she he they it');
/** Bodies that issue statements: «المكتب الإعلامي», «السفارة الأميركية». */
const ORG_HEADS = folded(
	'المكتب السفارة الوزارة الحكومة القوات الجيش المتحدث الرئاسة الخارجية الشرطة المجلس البعثة المنظمة الهيئة الشركة الجامعة الفريق التقرير البيان'
);
/** Nouns before a place's name: «مدينة زوارة», «قمة برلين». */
const PLACE_HEADS = folded(
	'مدينة بمدينة بلدة قرية بحيرة جزيرة جامعة مؤتمر قمة عاصمة ولاية منطقة قاعدة قاعدتي ميناء مطار نهر جبل'
);
/** "X lies …" verbs: the subject of a distance. */
const LIES_AR = folded('الواقعة الواقع الواقعه تقع يقع وتقع ويقع');
const LIES_EN = new Set(['stands', 'lies', 'sits', 'is', 'located', 'stand', 'lie']);
const AREA = folded('مربع مربعا مربعة square');
const DISTANCE_UNITS = new Set(['km', 'm', 'mile']);

const has = (set: Set<string>, w: Word | undefined) =>
	w !== undefined && w.variants.some((v) => set.has(v));

/**
 * Finds the entities of an article.
 * @param a the read article
 */
export function findEntities(a: ReadArticle): Entities {
	const numbers = a.paragraphs.flatMap((p) => findNumberFacts(p).map((n) => ({ ...n, p })));
	const people = a.lang === 'ar' ? findPeopleAr(a) : findPeopleEn(a);
	const places = findPlaces(a, people);
	const distances = numbers.flatMap((n) => {
		const d = distanceOf(a, n);
		return d ? [d] : [];
	});
	for (const d of distances) {
		if (!/^(ال|the )/i.test(d.reference.text)) addPlace(places, d.reference.text, d.reference.span);
		if (!/^(ال|the )/i.test(d.subject.text)) addPlace(places, d.subject.text, d.subject.span);
	}
	placeMentions(a, places);
	const quotes = findQuotes(a, people);
	return { numbers, distances, people, places, quotes };
}

// ── numbers ─────────────────────────────────────────────────────────────────────────────────────

function findNumberFacts(p: ReadParagraph): NumberFact[] {
	const analyzed = {
		folded: p.words.map((w) => w.folded).join(' '),
		tokens: p.words.map((w) => w.folded),
		variants: p.words.map((w) => w.variants)
	};
	return findNumbers(analyzed)
		.filter((n) => !n.words || n.length === undefined || n.length > 1 || n.value !== 2)
		.filter(
			(n) =>
				p.words[n.index + 1]?.lex?.cls !== 'month' && p.words[n.index - 1]?.lex?.cls !== 'month'
		)
		.map((n) => {
			const total = n.length ?? 1;
			const unitWords = n.unit ? unitLength(p, n.index, total) : 0;
			const numberLast = n.index + total - 1 - unitWords;
			const before = p.words[n.index - 1];
			const before2 = p.words[n.index - 2];
			const qualified =
				before?.lex?.id === 'more' ||
				before?.lex?.id === 'less' ||
				before2?.lex?.id === 'more' ||
				before2?.lex?.id === 'less';
			return {
				value: n.value,
				unit: n.unit,
				number: { p, first: n.index, last: Math.max(n.index, numberLast) },
				withUnit: { p, first: n.index, last: n.index + total - 1 },
				qualified
			};
		});
}

/** How many of a found number's words are its unit (the last one or two). */
function unitLength(p: ReadParagraph, index: number, total: number): number {
	if (total <= 1) return 0;
	const last = p.words[index + total - 1];
	// a written-out number's words are joined by «و»; a unit is the word after the number
	return /^\d/.test(p.words[index].folded) && total === 2 ? 1 : last ? 1 : 0;
}

// ── distances ───────────────────────────────────────────────────────────────────────────────────

function distanceOf(
	a: ReadArticle,
	n: NumberFact & { p: ReadParagraph }
): DistanceFact | undefined {
	if (!n.unit || !DISTANCE_UNITS.has(n.unit)) return undefined;
	const p = n.p;
	let i = n.withUnit.last + 1;
	if (has(AREA, p.words[i])) return undefined;
	if (breaksAfter(p.words[n.withUnit.last])) return undefined;
	let direction: DistanceFact['direction'];
	if (p.words[i]?.lex?.cls === 'direction') {
		direction = { span: { p, first: i, last: i }, id: p.words[i].lex!.id };
		if (breaksAfter(p.words[i])) return undefined;
		i++;
	}
	const reference = referenceAt(a, p, i);
	if (!reference) return undefined;
	const subject = subjectOf(a, p, n.withUnit.first);
	if (!subject) return undefined;
	return {
		n,
		direction,
		reference,
		dirPhrase: direction
			? { p, first: direction.span.first, last: reference.span.last }
			: undefined,
		subject
	};
}

/** The place a distance is measured from: «طرابلس», «بلدة تمزريت», "of the county town of Elderford". */
function referenceAt(
	a: ReadArticle,
	p: ReadParagraph,
	i: number
): DistanceFact['reference'] | undefined {
	if (a.lang === 'ar') {
		let j = i;
		if (p.words[j]?.folded === 'عن' || p.words[j]?.folded === 'من') j++;
		if (has(PLACE_HEADS, p.words[j]) && !breaksAfter(p.words[j])) j++;
		const w = p.words[j];
		if (!w || w.lex || has(NOT_NAME, w) || /^\d/.test(w.folded)) return undefined;
		return { text: w.raw, span: { p, first: j, last: j } };
	}
	// English: "of [the county town of] Elderford": the capitalized words after the last "of"
	if (p.words[i]?.folded !== 'of' && p.words[i]?.folded !== 'from') return undefined;
	for (let j = i + 1; j < Math.min(p.words.length, i + 7); j++) {
		if (isCapitalized(p.words[j])) {
			let last = j;
			while (isCapitalized(p.words[last + 1]) && !breaksAfter(p.words[last])) last++;
			const span = { p, first: j, last };
			return { text: rawOf(span), span };
		}
		if (breaksAfter(p.words[j])) return undefined;
	}
	return undefined;
}

/** The place that lies at a distance: «مدينة زوارة الواقعة…», «وتقع البحيرة…», "The library stands…". */
function subjectOf(
	a: ReadArticle,
	p: ReadParagraph,
	numberAt: number
): DistanceFact['subject'] | undefined {
	let start = numberAt;
	while (start > 0 && !sentenceEndsAfter(p.words[start - 1])) start--;
	for (let j = numberAt - 1; j >= start; j--) {
		const w = p.words[j];
		if (a.lang === 'ar' && has(LIES_AR, w)) {
			if (/^ال/.test(fold(w.raw)) && j > 0) {
				// «زوارة الواقعة»: the subject is the word before
				const s = p.words[j - 1];
				if (breaksAfter(s) || s.lex?.cls === 'direction' || has(NOT_NAME, s)) return undefined;
				return { text: s.raw, span: { p, first: j - 1, last: j - 1 } };
			}
			// «وتقع البحيرة»: the word after
			const s = p.words[j + 1];
			if (!s || has(NOT_NAME, s)) return undefined;
			return { text: s.raw, span: { p, first: j + 1, last: j + 1 } };
		}
		if (a.lang === 'en' && LIES_EN.has(w.folded) && j > start) {
			const span = { p, first: start, last: j - 1 };
			if (j - start > 4) return undefined;
			const text = rawOf(span).replace(/^The /, 'the ');
			return { text, span };
		}
	}
	return undefined;
}

// ── people ──────────────────────────────────────────────────────────────────────────────────────

function isArabicName(w: Word | undefined): boolean {
	return (
		w !== undefined &&
		/^[\u0621-\u064A]{2,}$/.test(w.folded) &&
		!w.lex &&
		!has(NOT_NAME, w) &&
		!has(ROLE_HEADS, w) &&
		!has(RANKS, w) &&
		!has(PLACE_HEADS, w)
	);
}

function findPeopleAr(a: ReadArticle): Person[] {
	const people = new Map<string, Person>();
	for (const p of a.paragraphs) {
		const ws = p.words;
		for (let i = 0; i < ws.length; i++) {
			const isHead = has(ROLE_HEADS, ws[i]);
			const isRank = has(RANKS, ws[i]);
			if (!isHead && !isRank) continue;
			let j = i + 1;
			let roleLast = i;
			// qualifiers of the role: «الداخلية», «حكومة الوفاق الوطني», «لدى ليبيا», «(أفريكوم)»
			if (isHead) {
				while (
					(j < ws.length && !breaksAfter(ws[j - 1])) ||
					(j < ws.length && /\(/.test(ws[j - 1].gapAfter))
				) {
					const w = ws[j];
					if (
						/^\(/.test(ws[j - 1].gapAfter.trim()) ||
						(/\)/.test(w.gapAfter) && /\(/.test(ws[j - 1].gapAfter))
					) {
						j++;
						continue;
					}
					if (has(RANKS, w)) break;
					if (has(NOT_NAME, w)) break;
					if (/^(ال|لل)/.test(fold(w.raw)) || has(CONSTRUCT, w)) {
						roleLast = j;
						j++;
						continue;
					}
					if (has(PREPOSITIONS, w) && ws[j + 1] && !breaksAfter(w)) {
						roleLast = j + 1;
						j += 2;
						continue;
					}
					break;
				}
				if (roleLast === i) continue;
			}
			// ranks right before the name
			while (has(RANKS, ws[j]) && !breaksAfter(ws[j - 1] ?? ws[j])) j++;
			if (j > 0 && breaksAfter(ws[j - 1]) && !/^\s*\)\s*$/.test(ws[j - 1].gapAfter)) continue;
			const first = ws[j];
			const last = ws[j + 1];
			if (!isArabicName(first) || /^ال/.test(first.folded) || !isArabicName(last)) continue;
			if (breaksAfter(first)) continue;
			const name = { p, first: j, last: j + 1 };
			const person = addPerson(people, name);
			if (isHead) addRole(person, { p, first: i, last: roleLast }, name);
		}
	}
	// «فائز السراج رئيس حكومة الوفاق…»: a role after the name
	for (const person of people.values()) {
		for (const p of a.paragraphs) {
			const ws = p.words;
			for (let i = 0; i + 2 < ws.length; i++) {
				if (fold(ws[i].raw) + ' ' + fold(ws[i + 1].raw) !== person.key) continue;
				const h = i + 2;
				if (breaksAfter(ws[i + 1]) || !has(ROLE_HEADS, ws[h]) || /^و/.test(ws[h].raw)) continue;
				let last = h;
				while (
					last + 1 < ws.length &&
					!breaksAfter(ws[last]) &&
					(/^(ال|لل)/.test(fold(ws[last + 1].raw)) || has(CONSTRUCT, ws[last + 1])) &&
					!has(NOT_NAME, ws[last + 1])
				)
					last++;
				if (last > h) addRole(person, { p, first: h, last }, { p, first: i, last: i + 1 });
			}
		}
	}
	return finishPeople(a, [...people.values()]);
}

function isCapitalized(w: Word | undefined): boolean {
	return (
		w !== undefined &&
		/^[A-Z][a-z]/.test(w.raw) &&
		w.lex?.cls !== 'month' &&
		w.lex?.cls !== 'weekday'
	);
}

function findPeopleEn(a: ReadArticle): Person[] {
	const people = new Map<string, Person>();
	for (const p of a.paragraphs) {
		const ws = p.words;
		for (let i = 0; i + 1 < ws.length; i++) {
			// "the head librarian, Maren Holt", "the library's oldest reader, 91-year-old Edith Crane"
			if (!isCapitalized(ws[i]) || !isCapitalized(ws[i + 1]) || breaksAfter(ws[i])) continue;
			if (isCapitalized(ws[i + 2]) && !breaksAfter(ws[i + 1])) continue;
			const name = { p, first: i, last: i + 1 };
			let k = i - 1;
			// "91-year-old" between the role and the name
			while (k >= 0 && !breaksAfter(ws[k]) && /^(\d+|year|years|old)$/.test(ws[k].folded)) k--;
			if (k < 0 || !/,/.test(ws[k].gapAfter)) continue;
			let the = k;
			while (the > 0 && ws[the].folded !== 'the' && k - the < 5 && !breaksAfter(ws[the - 1])) the--;
			if (ws[the].folded !== 'the' || the === k) continue;
			const role = { p, first: the, last: k };
			const person = addPerson(people, name);
			person.roles.push({ text: rawOf(role), span: role, with: { p, first: the, last: i + 1 } });
		}
	}
	return finishPeople(a, [...people.values()]);
}

/** A role as the text gives it, without the conjunction before it («ووزير» → «وزير»). */
function addRole(person: Person, span: Span, name: Span) {
	const head = span.p.words[span.first];
	const stripped = head.variants.find(
		(v) => v.length === head.folded.length - 1 && /^و/.test(head.folded)
	);
	let text = rawOf(span);
	if (stripped) text = text.slice(head.raw.length - rawForVariant(head, stripped).length);
	const with_ = {
		p: span.p,
		first: Math.min(span.first, name.first),
		last: Math.max(span.last, name.last)
	};
	person.roles.push({ text, span, with: with_ });
}

function addPerson(people: Map<string, Person>, name: Span): Person {
	const key = fold(rawOf(name));
	let person = people.get(key);
	if (!person) {
		const last = name.p.words[name.last];
		person = {
			key,
			name: rawOf(name),
			surname: stemOf(last),
			surnameRaw: last.raw,
			roles: [],
			mentions: []
		};
		people.set(key, person);
	}
	return person;
}

/** Mentions of each person; a surname two people share names neither. */
function finishPeople(a: ReadArticle, people: Person[]): Person[] {
	const surnameCount = new Map<string, number>();
	for (const person of people)
		surnameCount.set(person.surname, (surnameCount.get(person.surname) ?? 0) + 1);
	for (const person of people) {
		const [firstName] = person.key.split(' ');
		for (const p of a.paragraphs) {
			p.words.forEach((w, i) => {
				if (!w.variants.includes(person.surname)) return;
				const prev = p.words[i - 1];
				const full = (prev && stemOf(prev) === fold(firstName)) || prev?.folded === firstName;
				if (full) person.mentions.push({ p, first: i - 1, last: i });
				else if (surnameCount.get(person.surname) === 1)
					person.mentions.push({ p, first: i, last: i });
			});
		}
		// the shortest role first: «رئيس حكومة الوفاق الوطني» before «… الليبية»
		person.roles.sort((x, y) => x.text.length - y.text.length);
		person.roles = person.roles.filter(
			(r, i, all) => all.findIndex((o) => fold(o.text) === fold(r.text)) === i
		);
	}
	return people.filter((person) => person.mentions.length > 0);
}

// ── places ──────────────────────────────────────────────────────────────────────────────────────

function addPlace(places: Place[], text: string, span: Span) {
	const key = fold(text).replace(/^ال(?=..)/, '');
	let place = places.find((x) => x.key === key);
	if (!place) {
		place = { key, text, mentions: [] };
		places.push(place);
	}
	if (!place.mentions.some((m) => m.p === span.p && m.first === span.first))
		place.mentions.push(span);
}

const EN_STOP = new Set([
	'the',
	'a',
	'an',
	'while',
	'most',
	'next',
	'we',
	'i',
	'it',
	'this',
	'that',
	'children'
]);

/** A word that can be part of a place's name after its head noun. */
function isPlaceWord(w: Word | undefined, personWords: Set<string>): boolean {
	return (
		w !== undefined &&
		!w.lex &&
		!has(NOT_NAME, w) &&
		!/^\d/.test(w.folded) &&
		!personWords.has(w.folded) &&
		!/يه$/.test(w.folded) &&
		/^[\u0621-\u064A]{2,}$/.test(w.folded)
	);
}

function lexemeIsCountry(raw: string): boolean {
	return lexeme(fold(raw))?.cls === 'country';
}

function findPlaces(a: ReadArticle, people: Person[]): Place[] {
	const places: Place[] = [];
	const personWords = new Set(people.flatMap((x) => x.key.split(' ')));
	for (const p of a.paragraphs) {
		const ws = p.words;
		ws.forEach((w, i) => {
			if (a.lang === 'ar') {
				const n = ws[i + 1];
				const bases = has(folded('قاعدتي قاعدة'), w);
				const definiteHead = /^(ال|وال|بال)/.test(w.folded);
				if (
					has(PLACE_HEADS, w) &&
					n &&
					!breaksAfter(w) &&
					(!definiteHead || bases) &&
					fold(ws[i - 1]?.raw ?? '') !== 'اي'
				) {
					// the name: words without the article (one with it after «قاعدتي»: «الجفرة»)
					let last = i;
					while (
						last + 1 < ws.length &&
						last - i < 3 &&
						(last === i || !breaksAfter(ws[last])) &&
						isPlaceWord(ws[last + 1], personWords) &&
						(!/^(ال|لل)/.test(ws[last + 1].folded) || (bases && last === i)) &&
						!(bases && last > i)
					)
						last++;
					if (last > i)
						addPlace(places, rawOf({ p, first: i + 1, last }), { p, first: i + 1, last });
					// «قاعدتي الجفرة وسرت»
					const m = ws[last + 1];
					if (
						bases &&
						last > i &&
						m &&
						!breaksAfter(ws[last]) &&
						/^و/.test(m.raw) &&
						m.variants.length > 1 &&
						isPlaceWord(m, personWords) &&
						!/^ال/.test(m.variants[1])
					) {
						addPlace(places, m.raw.slice(1), { p, first: last + 1, last: last + 1 });
					}
				}
				if (w.lex?.cls === 'country' && !w.lex.nisba) {
					const bare =
						/^[وبل]/.test(w.raw) && lexemeIsCountry(w.raw.slice(1)) ? w.raw.slice(1) : w.raw;
					addPlace(places, bare, { p, first: i, last: i });
				}
			} else if (
				isCapitalized(w) &&
				!(i > 0 && isCapitalized(ws[i - 1]) && !breaksAfter(ws[i - 1]))
			) {
				let last = i;
				while (isCapitalized(ws[last + 1]) && !breaksAfter(ws[last])) last++;
				const span = { p, first: i, last };
				const text = rawOf(span);
				const sentenceStart =
					i === 0 || sentenceEndsAfter(ws[i - 1]) || /["“]\s*$/.test(ws[i - 1].gapAfter);
				const isPerson = people.some(
					(x) => fold(text).includes(x.key) || x.key.includes(fold(text))
				);
				const afterColon = i > 0 && /:/.test(ws[i - 1].gapAfter);
				if (isPerson || ((sentenceStart || afterColon) && last === i)) return;
				if (/^[A-Z]+$/.test(w.raw) || EN_STOP.has(w.folded)) return;
				addPlace(places, text, span);
			}
		});
		// the dateline: «طرابلس:», "SALTMARSH BAY:"
	}
	return places;
}

// ── quotes ──────────────────────────────────────────────────────────────────────────────────────

const QUOTE = /«([^»]+)»|"([^"]+)"|“([^”]+)”/g;

function findQuotes(a: ReadArticle, people: Person[]): Quote[] {
	const quotes: Quote[] = [];
	let previous: Quote | undefined;
	for (const p of a.paragraphs) {
		let previousHere: Quote | undefined;
		for (const m of p.text.matchAll(QUOTE)) {
			const text = m[1] ?? m[2] ?? m[3];
			const start = m.index + 1;
			const end = start + text.length;
			const found = attribute(a, p, start, end, people, previousHere ?? previous);
			if (found) {
				const q: Quote = { p, text, start, end, ...found };
				quotes.push(q);
				previousHere = q;
				previous = q;
			}
		}
		if (!previousHere && !/^\s*$/.test(p.text)) previous = undefined;
	}
	// «السفارة» is «السفارة الأميركية» named again
	const orgs = quotes.flatMap((q) => (q.speaker.kind === 'org' ? [q.speaker] : []));
	for (const o of orgs) {
		const longer = orgs.find((x) => x.key.length > o.key.length && x.key.startsWith(o.key + ' '));
		if (longer) {
			o.key = longer.key;
			o.text = longer.text;
		}
	}
	return quotes;
}

/** Who a quote is attributed to, from the speech verb before it in its sentence, or after it. */
function attribute(
	a: ReadArticle,
	p: ReadParagraph,
	start: number,
	end: number,
	people: Person[],
	previous: Quote | undefined
): { speaker: Speaker; attribution: Span } | undefined {
	const ws = p.words;
	const firstInside = ws.findIndex((w) => w.start >= start);
	const lastInside = ws.findLastIndex((w) => w.end <= end);
	// the speech verb before the quote, in its sentence
	for (let i = firstInside - 1; i >= 0; i--) {
		if (sentenceEndsAfter(ws[i])) break;
		if (has(SPEECH, ws[i])) {
			const found = speakerAfterVerb(a, p, i, people, previous, firstInside);
			if (found) return found;
		}
	}
	// or after it: «…»، قال X / "…," said X / "…," she said
	for (let i = lastInside + 1; i < Math.min(ws.length, lastInside + 4); i++) {
		if (has(SPEECH, ws[i])) return speakerAfterVerb(a, p, i, people, previous, ws.length);
	}
	// a quote that goes on from the last one, with no verb of its own
	if (previous && previous.p === p)
		return { speaker: previous.speaker, attribution: previous.attribution };
	return undefined;
}

function speakerAfterVerb(
	a: ReadArticle,
	p: ReadParagraph,
	verb: number,
	people: Person[],
	previous: Quote | undefined,
	limit: number
): { speaker: Speaker; attribution: Span } | undefined {
	const ws = p.words;
	let last = verb;
	while (
		last + 1 < Math.min(limit, ws.length) &&
		!has(SPEAKER_STOP, ws[last + 1]) &&
		!/[«»"“”:]/.test(ws[last].gapAfter) &&
		last - verb < 8
	) {
		if (/[،,]/.test(ws[last].gapAfter) && last > verb) {
			// "said the head librarian, Maren Holt": the name after the comma belongs to the speaker
			if (!(a.lang === 'en' && isCapitalized(ws[last + 1]))) break;
		}
		last++;
	}
	const phrase: Span = { p, first: verb + 1, last };
	const person = last > verb ? personIn(phrase, people) : undefined;
	if (person) return { speaker: { kind: 'person', person }, attribution: { p, first: verb, last } };
	// "she said": the last person named before, in the paragraph
	const before = ws[verb - 1];
	if (a.lang === 'en' && before && PRONOUNS.has(before.folded)) {
		const named = lastPersonBefore(p, verb, people);
		return named
			? {
					speaker: { kind: 'person', person: named.person },
					attribution: { p, first: named.span.first, last: verb }
				}
			: undefined;
	}
	if (last === verb) {
		// «فحذّرت من أنّ…»: the one person the paragraph names; «وأضاف»: the last speaker
		const named = people.filter((x) => x.mentions.some((m) => m.p === p && m.first < verb));
		if (named.length === 1) {
			const m = named[0].mentions.find((x) => x.p === p && x.first < verb)!;
			return { speaker: { kind: 'person', person: named[0] }, attribution: m };
		}
		if (named.length === 0 && has(ADDED, ws[verb]) && previous) {
			return { speaker: previous.speaker, attribution: previous.attribution };
		}
		return undefined;
	}
	if (last - verb > 6 || a.lang === 'en') return undefined;
	const text = rawOf(phrase);
	if (!has(ORG_HEADS, ws[verb + 1]) || !/^ال/.test(fold(ws[verb + 1].raw))) return undefined;
	return { speaker: { kind: 'org', key: fold(text), text }, attribution: { p, first: verb, last } };
}

function personIn(s: Span, people: Person[]): Person | undefined {
	return people.find((x) =>
		x.mentions.some((m) => m.p === s.p && m.first >= s.first && m.last <= s.last)
	);
}

function lastPersonBefore(p: ReadParagraph, at: number, people: Person[]) {
	let best: { person: Person; span: Span } | undefined;
	for (const person of people) {
		for (const m of person.mentions) {
			if (m.p === p && m.last < at && (!best || m.first > best.span.first))
				best = { person, span: m };
		}
	}
	return best;
}

/** The words of a span as written, with the punctuation between them. */
export function rawOf(s: Span): string {
	return s.p.text.slice(s.p.words[s.first].start, s.p.words[s.last].end).replace(/\s+/g, ' ');
}

/** Every place a one-word place name stands, beside the one it was found at. */
function placeMentions(a: ReadArticle, places: Place[]) {
	// a place named at least once by itself elsewhere keeps all its mentions
	for (const place of places) {
		for (const p of a.paragraphs) {
			p.words.forEach((w, i) => {
				const n = place.text.split(/\s+/).length;
				if (n === 1 && w.variants.some((v) => v === place.key || v === fold(place.text))) {
					if (!place.mentions.some((m) => m.p === p && m.first === i))
						place.mentions.push({ p, first: i, last: i });
				}
			});
		}
	}
}

/** Whether a word is Latin (an English name in an Arabic text, or an English text). */
export const latin = (w: Word) => isLatin(w.folded);
