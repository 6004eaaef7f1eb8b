import { z } from 'zod';
import { formFields } from '$lib/classes/schema';
import { strings } from '$lib/i18n';
import { getBank } from '$lib/server/bank';
import { db } from '$lib/server/db';
import { refuse } from '$lib/server/forms';
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

export const actions: Actions = {
	override: async (event) => {
		const { teacherId, assignment } = await ownAssignment(event);
		const t = strings(event.locals.locale).review;
		const posted = await event.request.formData();
		const raw = formFields(posted, ['question', 'form', 'verdict', 'score', 'note']);
		const parsed = overrideSchema.safeParse({ ...raw, form: raw.form ?? '' });
		if (!parsed.success) return refuse(400, t.badForm);
		const { question, form, verdict, note } = parsed.data;
		const score =
			verdict === 'partial' ? (parsed.data.score ?? NaN) : verdict === 'correct' ? 1 : 0;
		if (verdict === 'partial' && !(score > 0 && score < 1)) {
			return refuse(400, t.badScore, 'score');
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
		if (!outcome) return refuse(404, t.noGroup);
		return { done: 'applied' as const, answers: outcome.answers, changed: outcome.changed.length };
	},
	undo: async (event) => {
		const { teacherId, assignment } = await ownAssignment(event);
		const t = strings(event.locals.locale).review;
		const parsed = undoSchema.safeParse(formFields(await event.request.formData(), ['override']));
		if (!parsed.success) return refuse(400, t.badForm);
		const outcome = await undoOverride(db(), {
			assignmentId: assignment.id,
			overrideId: parsed.data.override,
			teacherId
		});
		if (!outcome) return refuse(404, t.noGroup);
		return { done: 'undone' as const, answers: outcome.answers, changed: outcome.changed.length };
	},
	regrade: async (event) => {
		const { teacherId, assignment } = await ownAssignment(event);
		const article = getBank().articles.get(assignment.spec.article);
		if (!article) return refuse(409, strings(event.locals.locale).review.noArticle);
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
