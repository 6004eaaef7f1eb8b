import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { strings } from '$lib/i18n';
import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { overrideGroup, regradeAssignment, reviewGroups, undoOverride } from '$lib/server/review';
import { ownAssignment } from '../own-assignment';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { teacherId, assignment } = await ownAssignment(event);
	const article = getBank().articles.get(assignment.spec.article);
	const prompt = (id: string) => article?.questions.find((q) => q.id === id)?.prompt ?? id;
	const groups = await reviewGroups(db(), assignment.id, teacherId);
	return {
		t: strings(event.locals.locale).review,
		verdictNames: strings(event.locals.locale).verdictNames,
		title: assignment.spec.title,
		article: article ? { language: article.language, direction: article.direction } : null,
		groups: groups.map((g) => ({
			questionId: g.questionId,
			prompt: prompt(g.questionId),
			form: g.form,
			spellings: g.spellings.slice(0, 5),
			count: g.count,
			verdict: g.verdict,
			score: g.score,
			rule: g.rule ?? null,
			reason: g.reason,
			unsure: g.unsure,
			mixed: g.mixed,
			override: g.override ?? null,
			overrideId: g.overrideId ?? null,
			overrideNote: g.overrideNote ?? null,
			partlyOverridden: g.partlyOverridden,
			colleagues: g.colleagues
		}))
	};
};

const overrideSchema = z.object({
	question: z.string().min(1).max(200),
	form: z.string().max(2000),
	verdict: z.enum(['correct', 'partial', 'wrong']),
	score: z.coerce.number().optional(),
	note: z.string().max(500).optional()
});

const undoSchema = z.object({ override: z.string().min(1).max(64) });

/** The form's text fields (an absent or empty field is undefined). */
async function fields(event: RequestEvent, names: readonly string[]) {
	const data = await event.request.formData();
	const out: Record<string, string | undefined> = {};
	for (const name of names) {
		const v = data.get(name);
		out[name] = typeof v === 'string' && v !== '' ? v : undefined;
	}
	return out;
}

export const actions: Actions = {
	override: async (event) => {
		const { teacherId, assignment } = await ownAssignment(event);
		const t = strings(event.locals.locale).review;
		const raw = await fields(event, ['question', 'form', 'verdict', 'score', 'note']);
		const parsed = overrideSchema.safeParse({ ...raw, form: raw.form ?? '' });
		if (!parsed.success) return fail(400, { message: t.badForm });
		const { question, form, verdict, note } = parsed.data;
		const score =
			verdict === 'partial' ? (parsed.data.score ?? NaN) : verdict === 'correct' ? 1 : 0;
		if (verdict === 'partial' && !(score > 0 && score < 1)) {
			return fail(400, { message: t.badScore, group: `${question}\u0000${form}` });
		}
		const outcome = await overrideGroup(db(), {
			assignmentId: assignment.id,
			questionId: question,
			form,
			verdict,
			score,
			...(note ? { note } : {}),
			teacherId
		});
		if (!outcome) return fail(404, { message: t.noGroup });
		return { done: 'applied' as const, answers: outcome.answers, changed: outcome.changed.length };
	},
	undo: async (event) => {
		const { teacherId, assignment } = await ownAssignment(event);
		const t = strings(event.locals.locale).review;
		const parsed = undoSchema.safeParse(await fields(event, ['override']));
		if (!parsed.success) return fail(400, { message: t.badForm });
		const outcome = await undoOverride(db(), {
			assignmentId: assignment.id,
			overrideId: parsed.data.override,
			teacherId
		});
		if (!outcome) return fail(404, { message: t.noGroup });
		return { done: 'undone' as const, answers: outcome.answers, changed: outcome.changed.length };
	},
	regrade: async (event) => {
		const { teacherId, assignment } = await ownAssignment(event);
		const article = getBank().articles.get(assignment.spec.article);
		if (!article) return fail(409, { message: strings(event.locals.locale).review.noArticle });
		const outcome = await regradeAssignment(db(), assignment.id, article, teacherId);
		return {
			done: 'regraded' as const,
			regrade: {
				attempts: outcome.attempts,
				overridden: outcome.overridden,
				changed: outcome.changed.map((c) => ({
					name: c.studentName ?? '',
					before: c.before,
					after: c.after,
					change: Math.round(c.change * 100) / 100
				}))
			}
		};
	}
};
