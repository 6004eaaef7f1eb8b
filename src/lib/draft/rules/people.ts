/**
 * Rules `who-is`, `role-of`, `people-roles`, `who-said` and `meeting`: the people of the article
 * with their roles («وزير الداخلية فتحي باشاغا»), the speakers of its quotes, and who met whom.
 * Options are always the article's own people, roles or speakers.
 */
import { common, similarLength, slugOf, type Draft } from '../draft';
import { rawOf, type Entities, type Person, type Quote, type Speaker } from '../entities';
import { sentenceAt, spanText, type ReadArticle, type Span } from '../text';

/** A role of more than a rank: «وزير الداخلية», "the head librarian". */
const roleOf = (p: Person) => p.roles[0];

const personFact = (p: Person) => `person-${slugOf(p.key, p.surname.length.toString())}`;

/** Distractors of similar length, and never more than the key allows by length. */
function options(key: string, candidates: string[], n = 3): string[] {
	const unique = [...new Set(candidates.filter((c) => c !== key))];
	return similarLength(key, unique, (s) => s, n);
}

/** Whether the key would stand out as the longest option. */
const keyStandsOut = (key: string, distractors: string[]) =>
	distractors.length === 0 || key.length > 1.2 * Math.max(...distractors.map((d) => d.length));

/**
 * Who is (role)? What is (person)'s role? And a matching of people to roles.
 * @param a the article
 * @param e its entities
 */
export function peopleDrafts(a: ReadArticle, e: Entities): Draft[] {
	const out: Draft[] = [];
	const ar = a.lang === 'ar';
	const withRoles = e.people.filter((p) => p.roles.length > 0);
	for (const person of withRoles) {
		const role = roleOf(person);
		const others = e.people.filter((o) => o !== person).map((o) => o.name);
		const distractors = options(person.name, others);
		const nameSpan = spanText({ p: role.with.p, first: role.with.first, last: role.with.last });
		if (distractors.length >= 2 && !keyStandsOut(person.name, distractors)) {
			out.push({
				rule: 'who-is',
				fact: personFact(person),
				why: `a role and the name beside it: «${nameSpan}»`,
				question: {
					...common(
						a.lang,
						`who-is-${slugOf(person.key, 'p')}-${role.with.p.id}`,
						[role.with],
						'who',
						1
					),
					type: 'single',
					prompt: ar ? `مَن ${role.text} في النص؟` : `Who is ${role.text}?`,
					answer: person.name,
					distractors,
					tags: ['people'],
					examples: [
						{ answer: person.name, verdict: 'correct' },
						...distractors.map((d) => ({ answer: d, verdict: 'wrong' as const }))
					]
				}
			});
		}
		const otherRoles = withRoles.filter((o) => o !== person).map((o) => roleOf(o).text);
		const roleDistractors = options(role.text, otherRoles);
		if (roleDistractors.length >= 2 && !keyStandsOut(role.text, roleDistractors)) {
			out.push({
				rule: 'role-of',
				fact: personFact(person),
				why: `the roles of the article's other people as options`,
				question: {
					...common(
						a.lang,
						`role-of-${slugOf(person.key, 'p')}-${role.with.p.id}`,
						[role.with],
						'who',
						1
					),
					type: 'single',
					prompt: ar ? `ما صفة ${person.name} في النص؟` : `What is ${person.name} in the text?`,
					answer: role.text,
					distractors: roleDistractors,
					tags: ['people', 'roles'],
					examples: [
						{ answer: role.text, verdict: 'correct' },
						...roleDistractors.map((d) => ({ answer: d, verdict: 'wrong' as const }))
					]
				}
			});
		}
	}
	if (withRoles.length >= 2) {
		const pairs = withRoles.slice(0, 5);
		out.push({
			rule: 'people-roles',
			fact: 'people-roles',
			why: 'every person the text gives a role',
			question: {
				...common(
					a.lang,
					'people-roles',
					pairs.map((p) => roleOf(p).with),
					'who',
					2
				),
				type: 'matching',
				prompt: ar
					? 'صِل كل شخص بصفته في النص.'
					: 'Match each person with who they are in the text.',
				pairs: pairs.map((p) => ({ left: p.name, right: roleOf(p).text })),
				scoring: 'partial',
				tags: ['people', 'roles'],
				examples: [
					{ answer: pairs.map((p) => roleOf(p).text), verdict: 'correct' },
					{
						answer: [...pairs.map((p) => roleOf(p).text)].reverse(),
						verdict: pairs.length % 2 ? 'partial' : 'wrong'
					}
				]
			}
		});
	}
	return out;
}

function speakerKey(s: Speaker) {
	return s.kind === 'person' ? s.person.key : s.key;
}
/** A speaker as an option: a person's name, a body's first two words («المكتب الإعلامي»). */
function speakerName(s: Speaker) {
	return s.kind === 'person' ? s.person.name : s.text.split(/\s+/).slice(0, 2).join(' ');
}

/** The first words of a quote, for a prompt. */
function excerpt(q: Quote, words = 12): string {
	const all = q.text.trim().split(/\s+/);
	const cut = all
		.slice(0, words)
		.join(' ')
		.replace(/[،,.;:]+$/, '');
	return all.length > words ? `${cut} …` : cut;
}

/**
 * Who said it: a quote, with the article's other speakers (or people) as options.
 * @param a the article
 * @param e its entities
 */
export function speakerDrafts(a: ReadArticle, e: Entities): Draft[] {
	const out: Draft[] = [];
	const ar = a.lang === 'ar';
	const speakers = new Map<string, string>();
	for (const q of e.quotes) speakers.set(speakerKey(q.speaker), speakerName(q.speaker));
	for (const person of e.people)
		if (!speakers.has(person.key)) speakers.set(person.key, person.name);
	e.quotes.forEach((q, i) => {
		if (q.text.trim().split(/\s+/).length < 4) return;
		const name = speakerName(q.speaker);
		const key = speakerKey(q.speaker);
		const distractors = options(
			name,
			[...speakers.entries()].filter(([k]) => k !== key).map(([, v]) => v)
		);
		if (distractors.length < 2 || keyStandsOut(name, distractors)) return;
		// the evidence: who is said to speak, and the start of the quote
		const ws = q.p.words;
		const first = ws.findIndex((w) => w.start >= q.start);
		let last = first;
		while (last + 1 < ws.length && ws[last + 1].end <= q.end && last - first < 5) last++;
		const quoteStart: Span = { p: q.p, first, last };
		const evidence =
			q.attribution.p === q.p && q.attribution.first <= last && q.attribution.last >= first
				? [q.attribution]
				: [q.attribution, quoteStart];
		const proof = spanText(q.attribution);
		out.push({
			rule: 'who-said',
			fact: `quote-${q.p.id}-${i}`,
			why: `«${rawOf(q.attribution)}» attributes the quote`,
			question: {
				...common(a.lang, `who-said-${q.p.id}-${i + 1}`, evidence, 'quote', 1),
				type: 'single',
				prompt: ar ? `مَن قال: «${excerpt(q)}»؟` : `Who said: “${excerpt(q)}”?`,
				answer:
					proofFor(q.speaker, proof) === name
						? name
						: { text: name, proof: proofFor(q.speaker, proof) },
				distractors,
				tags: ['quotes'],
				examples: [
					{ answer: name, verdict: 'correct' },
					...distractors.map((d) => ({ answer: d, verdict: 'wrong' as const }))
				]
			}
		});
	});
	return out;
}

/** The words of the attribution that name the speaker (the surname, for a person). */
function proofFor(s: Speaker, attribution: string): string {
	if (s.kind === 'org') return attribution.split(/\s+/).slice(1).join(' ') || attribution;
	const words = attribution.split(/\s+/);
	const at = words.findIndex(
		(w) =>
			w.includes(s.person.surnameRaw) || s.person.surnameRaw.includes(w.replace(/[.,،"«»]/g, ''))
	);
	if (at >= 0) {
		const name = s.person.name.split(/\s+/);
		// the full name when the attribution gives it
		if (at > 0 && words[at - 1].endsWith(name[0]))
			return `${name[0]} ${words[at].replace(/[.,،"«»]+$/, '')}`;
		return words[at]
			.replace(/[.,،"«»]+$/, '')
			.replace(/^[وف](?=.{3})/, (c) => (s.person.surnameRaw.startsWith(c) ? c : ''));
	}
	return s.person.surnameRaw;
}

const MEET = new Set(['التقى', 'التقي', 'اجتمع', 'واجتمع', 'والتقى', 'met', 'meets']);

/**
 * Who met whom: a meeting verb, the person after it and the people it met (a multiple choice),
 * and where a meeting was held (a single choice of the article's places).
 * @param a the article
 * @param e its entities
 */
export function meetingDrafts(a: ReadArticle, e: Entities): Draft[] {
	const out: Draft[] = [];
	const ar = a.lang === 'ar';
	const subjects = new Set<string>();
	for (const p of a.paragraphs) {
		p.words.forEach((w, i) => {
			if (!MEET.has(w.folded) && !MEET.has(w.raw)) return;
			const sentence = sentenceAt(p, i);
			// those present are not those met: «في حضور …»
			const presence = p.words.findIndex(
				(x, k) => k > i && k <= sentence.last && /^(حضور|بحضور|presence)$/.test(x.folded)
			);
			const s = { ...sentence, last: presence > 0 ? presence - 1 : sentence.last };
			const named = e.people
				.flatMap((person) =>
					person.mentions
						.filter((m) => m.p === p && m.first > i && m.last <= s.last)
						.map((m) => ({ person, m }))
				)
				.sort((x, y) => x.m.first - y.m.first);
			const unique = named.filter((x, k) => named.findIndex((o) => o.person === x.person) === k);
			if (unique.length < 2) return;
			const [subject, ...met] = unique;
			if (subjects.has(subject.person.key)) return;
			subjects.add(subject.person.key);
			const others = e.people.filter((o) => !unique.some((u) => u.person === o)).map((o) => o.name);
			if (others.length < 1) return;
			const last = met[met.length - 1].m.last;
			const evidence: Span = { p, first: subject.m.first, last };
			out.push({
				rule: 'meeting',
				fact: `meeting-${p.id}-${i}`,
				why: `«${w.raw}» and the people named after it`,
				question: {
					...common(a.lang, `meeting-${p.id}-${i}`, [evidence], 'who', 1),
					type: 'multiple',
					prompt: ar
						? `مع مَن التقى ${subject.person.name}؟ اختر كل ما ينطبق.`
						: `Whom did ${subject.person.name} meet? Choose all that apply.`,
					answer: met.map((x) =>
						rawOf(x.m) === x.person.name
							? x.person.name
							: { text: x.person.name, proof: rawOf(x.m) }
					),
					distractors: options('', others, 3),
					scoring: 'partial',
					tags: ['people', 'meeting'],
					examples: [{ answer: met.map((x) => x.person.name), verdict: 'correct' }]
				}
			});
		});
	}
	// where it was held: «الاجتماع الذي عقد في مدينة زوارة», "was held in X"
	for (const place of e.places) {
		for (const m of place.mentions) {
			const ws = m.p.words;
			let k = m.first - 1;
			if (k >= 0 && /^(مدينه|بمدينه|بلده)$/.test(ws[k].folded)) k--;
			if (k < 1 || !['في', 'in'].includes(ws[k].folded)) continue;
			const verb = ws[k - 1];
			if (!/^(عقد|عقدت|انعقد|جري|جرت|held)$/.test(verb.folded)) continue;
			let eventAt = k - 2;
			if (ws[eventAt] && /^(الذي|التي|was|were)$/.test(ws[eventAt].folded)) eventAt--;
			const event = ws[eventAt];
			if (!event) continue;
			const others = e.places
				.filter(
					(o) => o !== place && o.text.split(' ').length === 1 && !/^(ليبيا|المغرب)$/.test(o.text)
				)
				.map((o) => o.text);
			const distractors = options(place.text, others);
			if (distractors.length < 2 || keyStandsOut(place.text, distractors)) continue;
			const evidence: Span = { p: m.p, first: eventAt, last: m.last };
			const eventText = ar ? event.raw.replace(/^و/, '') : `the ${event.raw}`;
			out.push({
				rule: 'meeting',
				fact: `place-${slugOf(place.key, 'x')}`,
				why: `«${rawOf(evidence)}» says where`,
				question: {
					...common(a.lang, `where-${m.p.id}-${m.first}`, [evidence], 'where', 1),
					type: 'single',
					prompt: ar ? `أين عُقد ${eventText}؟` : `Where was ${eventText} held?`,
					answer: place.text,
					distractors,
					tags: ['place'],
					examples: [
						{ answer: place.text, verdict: 'correct' },
						...distractors.map((d) => ({ answer: d, verdict: 'wrong' as const }))
					]
				}
			});
		}
	}
	return out;
}
