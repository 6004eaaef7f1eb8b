import { error, redirect } from '@sveltejs/kit';
import { failedViews } from '$lib/bank/check';
import { answerText, textStrings } from '$lib/export/common';
import {
	applyFilter,
	filterInput,
	filterSchema,
	FILTER_KEYS,
	invalidFields
} from '$lib/export/filter';
import { FORMAT_NAMES } from '$lib/export/index';
import {
	readSelection,
	SELECTION_COOKIE,
	selectionForm,
	updateSelection,
	writeSelection,
	type SelectionAction
} from '$lib/export/selection';
import { pageOf, pageParam } from '$lib/paging';
import { SEED_PATTERN } from '$lib/quiz/spec';
import {
	markAssessment,
	marksView,
	markTargetOf,
	unmarkAssessment
} from '$lib/server/assessment-marks';
import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { refuse } from '$lib/server/forms';
import { badQueryMessage } from '$lib/server/export';
import { bankFlags } from '$lib/server/review';
import { strings, type Locale } from '$lib/i18n';
import type { Cookies } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const COOKIE = {
	path: '/teacher',
	maxAge: 60 * 60 * 24 * 365,
	httpOnly: true,
	sameSite: 'lax'
} as const;

export const load: PageServerLoad = async ({ url, cookies, locals }) => {
	const bank = getBank();
	const filter = filterSchema.safeParse(filterInput(url.searchParams));
	if (!filter.success) error(400, badQueryMessage(locals.locale, invalidFields(filter.error)));
	const requested = pageParam.safeParse(url.searchParams.get('page') ?? undefined);
	if (!requested.success) error(400, badQueryMessage(locals.locale, ['page']));
	const all = [...bank.questions.values()];
	const matching = applyFilter(all, filter.data);
	// 25 questions a page (plain GET links): the page stays light and the export form in reach
	const paged = pageOf(matching, requested.data);
	const shown = paged.items;
	const selection = readSelection(cookies.get(SELECTION_COOKIE)).filter((id) =>
		bank.questions.has(id)
	);
	const articles = bank.result.articles;
	// item analysis over stored attempts (issue 14): flags beside the questions shown
	const flags = await bankFlags(db(), shown);
	return {
		t: strings(locals.locale),
		seedPattern: SEED_PATTERN,
		filter: filter.data,
		query: url.search,
		articles: articles.map((a) => ({
			slug: a.slug,
			title: a.title,
			language: a.language,
			direction: a.direction,
			attribution: a.attribution,
			// Only the paragraphs some shown question cites: the page shows them as evidence.
			paragraphs: a.paragraphs.filter((p) =>
				shown.some((q) => q.article === a.slug && q.paragraph.includes(p.id))
			)
		})),
		paragraphCount: Math.max(0, ...articles.map((a) => a.paragraphs.length)),
		tags: [...new Set(all.flatMap((q) => q.tags))].sort(),
		total: all.length,
		matching: matching.length,
		paging: { page: paged.page, pageCount: paged.pageCount, first: paged.first, last: paged.last },
		questions: shown.map((q) => {
			const a = bank.articles.get(q.article)!;
			return {
				id: q.id,
				article: q.article,
				type: q.type,
				skill: q.skill,
				difficulty: q.difficulty,
				paragraph: q.paragraph,
				tags: q.tags,
				prompt: q.prompt,
				translation: q.translation,
				// each text in its own language (an English article's notes may be Arabic)
				langs: q.langs,
				key: answerText(q, textStrings(a)),
				examples: (q.examples ?? []).map((e) => ({
					answer: Array.isArray(e.answer) ? e.answer.join(' | ') : String(e.answer),
					verdict: e.verdict,
					reason: e.reason
				})),
				evidence: q.evidence,
				explanation: q.explanation,
				spans: q.spans,
				flags: (flags.get(q.id) ?? []).map(({ rule, value, option }) => ({
					rule,
					value: Math.round(value * 100) / 100,
					option: option ?? ''
				}))
			};
		}),
		selection,
		failed: articles.flatMap(failedViews),
		formats: FORMAT_NAMES,
		// "assessment only": the bank's marks and the teachers', of the articles and shown questions
		assessment: await marksView(db(), bank, shown)
	};
};

/** Back to the page with the same filters and page (only those keys, so the URL stays clean). */
function back(query: FormDataEntryValue | null): string {
	const params = queryParams(query);
	const out = new URLSearchParams();
	for (const key of [...FILTER_KEYS, 'page'])
		for (const v of params.getAll(key)) out.append(key, v);
	const s = out.toString();
	return s ? `/teacher?${s}` : '/teacher';
}

/** The query the page was shown with, posted back by its selection form. */
function queryParams(query: FormDataEntryValue | null): URLSearchParams {
	return new URLSearchParams(typeof query === 'string' ? query : '');
}

async function change(request: Request, cookies: Cookies, locale: Locale, action: SelectionAction) {
	const bank = getBank();
	const data = await request.formData();
	const form = selectionForm.safeParse({
		shown: data.getAll('shown'),
		id: data.getAll('id')
	});
	if (!form.success) return refuse(400, badQueryMessage(locale, invalidFields(form.error)));
	// "all shown" and "none shown" mean every question the filters match, on every page
	if (action === 'all' || action === 'none') {
		const filter = filterSchema.safeParse(filterInput(queryParams(data.get('query'))));
		if (!filter.success) return refuse(400, badQueryMessage(locale, invalidFields(filter.error)));
		form.data.shown = applyFilter([...bank.questions.values()], filter.data).map((q) => q.id);
	}
	const current = readSelection(cookies.get(SELECTION_COOKIE));
	const next = updateSelection(current, action, form.data, (id) => bank.questions.has(id));
	const value = writeSelection(next);
	if (value === undefined) return refuse(400, strings(locale).selectionTooLarge);
	if (value === '') cookies.delete(SELECTION_COOKIE, { path: COOKIE.path });
	else cookies.set(SELECTION_COOKIE, value, COOKIE);
	// 303: a reload shows the page, not the post again.
	redirect(303, back(data.get('query')));
}

/**
 * Keeps an article or a question for assessment only (`mark`), or opens it to practice again
 * (`unmark`); the value names it (`article:<slug>`, `question:<id>`). Any signed-in teacher may do
 * either: the bank is the school's. Marking twice, or unmarking what is not marked, changes
 * nothing.
 */
async function markOrUnmark({ request, locals }: RequestEvent) {
	const user = locals.user;
	// The hook lets no signed-out request reach a teacher page; this narrows the type.
	if (!user) redirect(303, '/teacher/sign-in');
	const data = await request.formData();
	const mark = data.getAll('mark');
	const unmark = data.getAll('unmark');
	const bank = getBank();
	// exactly one of the two, naming something the bank has
	const target =
		mark.length + unmark.length === 1 ? markTargetOf(bank, [...mark, ...unmark][0]) : null;
	if (!target) return refuse(400, strings(locals.locale).review.assessmentOnly.unknown);
	if (mark.length) await markAssessment(db(), user.id, target);
	else await unmarkAssessment(db(), user.id, target);
	// 303: a reload shows the page, not the post again.
	redirect(303, back(data.get('query')));
}

export const actions: Actions = {
	save: ({ request, cookies, locals }) => change(request, cookies, locals.locale, 'save'),
	all: ({ request, cookies, locals }) => change(request, cookies, locals.locale, 'all'),
	none: ({ request, cookies, locals }) => change(request, cookies, locals.locale, 'none'),
	clear: ({ request, cookies, locals }) => change(request, cookies, locals.locale, 'clear'),
	assessment: markOrUnmark
};
