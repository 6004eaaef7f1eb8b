import { fail, redirect } from '@sveltejs/kit';
import { QUESTION_TYPES, SKILLS } from '$lib/bank/kinds';
import { OFFSET_CHOICES, offsetLabel, readOffset } from '$lib/assign/schedule';
import {
	ASSIGNMENT_LIMITS,
	LATE_POLICIES,
	quizSpecOf,
	readAssignmentForm,
	RELEASE_SHOWS,
	RELEASES,
	VARIANTS
} from '$lib/assign/spec';
import { strings } from '$lib/i18n';
import { plural } from '$lib/i18n/plural';
import { fmt } from '$lib/quiz/format';
import { matchesSpec } from '$lib/quiz/generate';
import { DEFAULT_N, MODES } from '$lib/quiz/spec';
import { newSeed } from '$lib/quiz/random';
import { createAssignment } from '$lib/server/assignments';
import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { ownClass, TZ_COOKIE } from '../own-class';
import type { Actions, PageServerLoad } from './$types';

/** The fields of the form a failure shows again as typed (types and skills are lists). */
const TEXT_FIELDS = [
	'title',
	'article',
	'n',
	'mode',
	'timeLimit',
	'opensAt',
	'closesAt',
	'offset',
	'attemptsAllowed',
	'late',
	'grace',
	'release',
	'show',
	'variant',
	'paragraphFrom',
	'paragraphTo'
] as const;

/** What the form starts with: a test for everyone, results after it closes. */
const DEFAULTS = {
	title: '',
	article: '',
	n: String(DEFAULT_N),
	mode: 'test',
	timeLimit: '0',
	opensAt: '',
	closesAt: '',
	attemptsAllowed: '1',
	late: 'refuse',
	grace: '0',
	release: 'after-close',
	show: 'answers',
	variant: 'shared',
	paragraphFrom: '',
	paragraphTo: ''
};

export const load: PageServerLoad = async (event) => {
	const { found } = await ownClass(event);
	const t = strings(event.locals.locale);
	const offset = readOffset(event.cookies.get(TZ_COOKIE));
	return {
		t: t.assign,
		ta: t.teacherAssign,
		typeNames: t.typeNames,
		skillNames: t.skillNames,
		class: { id: found.id, name: found.name },
		articles: getBank().result.articles.map((a) => ({
			slug: a.slug,
			title: a.title,
			language: a.language,
			direction: a.direction,
			paragraphs: a.paragraphs.length
		})),
		choices: {
			types: QUESTION_TYPES,
			skills: SKILLS,
			modes: MODES,
			lates: LATE_POLICIES,
			releases: RELEASES,
			shows: RELEASE_SHOWS,
			variants: VARIANTS,
			offsets: OFFSET_CHOICES.map((m) => ({ value: m, label: offsetLabel(m) }))
		},
		limits: ASSIGNMENT_LIMITS,
		defaults: { ...DEFAULTS, offset: String(offset ?? 0) },
		// without a remembered offset the page asks the browser for its own (with JavaScript)
		offsetKnown: offset !== undefined
	};
};

export const actions: Actions = {
	assign: async (event) => {
		const { found } = await ownClass(event);
		const t = strings(event.locals.locale);
		const form = await event.request.formData().catch(() => new FormData());
		const offset = readOffset(form.get('offset'));
		const read = readAssignmentForm(form, newSeed(), offset ?? 0);
		const problems: Record<string, string> = {};
		if (offset === undefined) problems.offset = t.assign.problems.invalid;
		for (const p of read.problems) problems[p.field] = t.assign.problems[p.code];
		const article = read.spec && getBank().articles.get(read.spec.article);
		if (read.spec && !article) problems.article = t.teacherAssign.unknownArticle;
		// a range that starts past the article's end would ask nothing
		if (article && read.spec?.paragraphs && read.spec.paragraphs[0] > article.paragraphs.length) {
			problems.paragraphFrom = t.assign.problems.invalid;
		}
		// fewer questions match the settings than it asks for: said by the number, not found out by
		// the students (with none matching, a quiz would even drop the filters)
		if (read.spec && article && !problems.n) {
			const spec = quizSpecOf(read.spec, '', article.paragraphs.length);
			const matched = article.questions.filter((q) => matchesSpec(q, spec)).length;
			if (matched < read.spec.n) {
				problems.n = fmt(t.teacherAssign.fewerQuestions, {
					count: plural(event.locals.locale, t.counts.questions, matched)
				});
			}
		}
		if (!read.spec || !article || Object.keys(problems).length) {
			return fail(400, {
				message: t.teacherAssign.notSaved,
				problems,
				values: typedValues(form)
			});
		}
		const id = await createAssignment(db(), found.id, read.spec);
		event.cookies.set(TZ_COOKIE, String(offset), {
			path: '/teacher',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: true,
			sameSite: 'lax'
		});
		redirect(303, `/teacher/classes/${found.id}?assigned=${id}#assignments-heading`);
	}
};

/** The form as typed, to show again: each text field cut to a sane length, and the ticked lists. */
function typedValues(form: FormData) {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.slice(0, 200) : '';
	};
	const list = (name: string, allowed: readonly string[]) =>
		form.getAll(name).filter((v): v is string => typeof v === 'string' && allowed.includes(v));
	return {
		...Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])),
		types: list('types', QUESTION_TYPES),
		skills: list('skills', SKILLS)
	} as Record<(typeof TEXT_FIELDS)[number], string> & { types: string[]; skills: string[] };
}
