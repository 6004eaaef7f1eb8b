/**
 * Rule `truefalse`: a statement as the text gives it, or with one fact swapped for another of the
 * same class from the same article, with its correction. A swap is only made where the text
 * gives one value (a person's role, a quote's speaker, an exact number), so the swapped statement
 * cannot also be true. (Distances and directions are swapped by the distance rule.)
 */
import { common, type Draft } from '../draft';
import { rawOf, type Entities } from '../entities';
import { crossesQuote, sentenceAt, spanText, type ReadArticle } from '../text';

/**
 * True/false drafts.
 * @param a the article
 * @param e its entities
 */
export function truefalseDrafts(a: ReadArticle, e: Entities): Draft[] {
	const out: Draft[] = [];
	const ar = a.lang === 'ar';
	const withRoles = e.people.filter((p) => p.roles.length > 0);
	// a person with another's role: false; the first with their own: true
	// Arabic roles agree with their holder: «رئيسة» is never given to a man
	const feminine = (text: string) => ar && /[ةه]$/.test(text.split(/\s+/)[0]);
	withRoles.slice(0, 3).forEach((person, i) => {
		const ownRole = person.roles[0].text;
		const other =
			withRoles.find(
				(o, k) =>
					k > i && o.roles[0].text !== ownRole && feminine(o.roles[0].text) === feminine(ownRole)
			) ?? withRoles.find((o) => o !== person && feminine(o.roles[0].text) === feminine(ownRole));
		if (!other) return;
		const role = person.roles[0];
		const swapped = other.roles[0].text;
		const own = i === 0;
		const said = own ? role.text : swapped;
		out.push({
			rule: 'truefalse',
			fact: `person-tf-${i}`,
			why: own
				? 'a role as the text gives it'
				: `the role of ${other.name} given to ${person.name}`,
			question: {
				...common(a.lang, `tf-role-${i + 1}`, [role.with], 'who', 1),
				type: 'truefalse',
				prompt: ar ? `يذكر النص أن ${person.name} ${said}.` : `${person.name} is ${said}.`,
				answer: own,
				...(own ? {} : { correction: spanText(role.with) }),
				tags: ['people', 'roles']
			}
		});
	});
	// a number swapped for another exact number of the article
	const exact = e.numbers.filter((n) => !n.qualified && /\d/.test(rawOf(n.number)));
	exact.forEach((n, i) => {
		const other = exact.find(
			(o) =>
				o.value !== n.value &&
				o.unit === n.unit &&
				String(o.value).length >= String(n.value).length - 1
		);
		if (!other) return;
		const s = sentenceAt(n.p, n.number.first);
		if (
			s.last - s.first > 22 ||
			s.last - s.first < 5 ||
			crossesQuote(s) ||
			/["«»“”]/.test(rawOf(s))
		)
			return;
		const sentence = spanText(s);
		const written = rawOf(n.number);
		const replacement = rawOf(other.number);
		if (sentence.split(written).length !== 2 || sentence.includes(replacement)) return;
		out.push({
			rule: 'truefalse',
			fact: `number-${n.p.id}-${n.number.first}`,
			why: `${written} swapped for ${replacement}, another number of the article`,
			question: {
				...common(a.lang, `tf-number-${n.p.id}-${i + 1}`, [s], 'quantity', 1),
				type: 'truefalse',
				prompt: sentence.replace(written, replacement).replace(/[^.!?؟]$/, (c) => `${c}.`),
				answer: false,
				correction: rawOf(n.withUnit),
				tags: ['numbers']
			}
		});
	});
	// a quote given to another speaker
	const byPeople = e.quotes.filter((q) => q.speaker.kind === 'person');
	byPeople.slice(0, 2).forEach((q) => {
		const i = e.quotes.indexOf(q);
		const other =
			byPeople.find(
				(o) =>
					o.speaker.kind === 'person' &&
					q.speaker.kind === 'person' &&
					o.speaker.person.surname !== q.speaker.person.surname
			) ??
			byPeople.find(
				(o) =>
					(o.speaker.kind === 'person' ? o.speaker.person.key : o.speaker.key) !==
						(q.speaker.kind === 'person' ? q.speaker.person.key : q.speaker.key) &&
					o.speaker.kind === 'person'
			);
		if (!other || other.speaker.kind !== 'person' || q.text.split(/\s+/).length < 4) return;
		const words = q.text.trim().split(/\s+/);
		const cut =
			words
				.slice(0, 10)
				.join(' ')
				.replace(/[،,.;:]+$/, '') + (words.length > 10 ? ' …' : '');
		const name = other.speaker.person.name;
		const ws = q.p.words;
		const first = ws.findIndex((w) => w.start >= q.start);
		out.push({
			rule: 'truefalse',
			fact: `quote-${q.p.id}-${i}`,
			why: `the quote given to another speaker of the article (${name})`,
			question: {
				...common(
					a.lang,
					`tf-quote-${q.p.id}-${i + 1}`,
					[q.attribution, { p: q.p, first, last: Math.min(first + 4, ws.length - 1) }],
					'quote',
					1
				),
				type: 'truefalse',
				// «…» من كلام X: no verb whose gender could be wrong
				prompt: ar ? `«${cut}» من كلام ${name}.` : `${name} said: “${cut}”`,
				answer: false,
				correction: spanText(q.attribution),
				tags: ['quotes']
			}
		});
	});
	return out;
}
