import {
	localTime,
	minutesSeconds,
	offsetLabel,
	readOffset,
	scheduleOf
} from '$lib/assign/schedule';
import { chooseLocale, strings } from '$lib/i18n';
import type { ItemStats } from '$lib/stats/items';
import { assignmentResultsData } from '$lib/server/assignment-results';
import { getBank } from '$lib/server/bank';
import { getClass } from '$lib/server/classes';
import { db } from '$lib/server/db';
import { TZ_COOKIE } from '../../classes/[id]/own-class';
import { ownAssignment } from './own-assignment';
import type { PageServerLoad } from './$types';

// Nothing on the page operates: links and tables only, rendered on the server.
export const csr = false;

/** A share as a whole percentage; null stays null (no figure). */
const percent = (x: number | null) => (x === null ? null : Math.round(x * 100));
/** A correlation or difference to two decimals; null stays null. */
const twoDecimals = (x: number | null) => (x === null ? null : x.toFixed(2));

export const load: PageServerLoad = async (event) => {
	const { teacherId, assignment } = await ownAssignment(event);
	const { locale } = event.locals;
	const t = strings(locale);
	const { spec } = assignment;
	const article = getBank().articles.get(spec.article);
	const { results, items } = await assignmentResultsData(db(), assignment, article);
	const offset = readOffset(event.cookies.get(TZ_COOKIE)) ?? 0;
	const klass = await getClass(db(), teacherId, assignment.classId);
	const bank = new Map((article?.questions ?? []).map((q) => [q.id, q]));
	const numbers = new Map(results.questions.map((q, i) => [q.id, i + 1]));
	// true/false options are named in the article's language, as its questions are
	const articleStrings = strings(chooseLocale(undefined, article?.language));
	const optionText = (item: ItemStats, text: string) =>
		item.type === 'truefalse'
			? text === 'true'
				? articleStrings.answerTrue
				: articleStrings.answerFalse
			: text;

	return {
		t: t.assign,
		ta: t.teacherAssign,
		typeNames: t.typeNames,
		paragraphLabel: t.paragraph,
		assignment: {
			id: assignment.id,
			title: spec.title,
			mode: spec.mode,
			schedule: scheduleOf(spec, Date.now()),
			opens: localTime(spec.opensAt, offset, locale),
			closes: spec.closesAt === null ? null : localTime(spec.closesAt, offset, locale),
			zone: offsetLabel(offset)
		},
		class: klass ? { id: klass.id, name: klass.name } : null,
		article: article
			? {
					title: article.title,
					language: article.language,
					direction: article.direction,
					paragraphs: article.paragraphs
				}
			: null,
		submitted: results.submitted,
		students: results.students.map(({ student, counted, attempts }) => ({
			id: student.id,
			name: student.name,
			attempts,
			counted: counted && {
				score: counted.score,
				total: counted.total,
				percent: counted.percent,
				time: minutesSeconds(counted.seconds),
				submittedAt: localTime(counted.submittedAt, offset, locale),
				late: counted.late
			}
		})),
		questions: results.questions.map((q, i) => ({
			id: q.id,
			n: i + 1,
			prompt: bank.get(q.id)?.prompt ?? q.id
		})),
		grid: results.grid,
		mastery: results.mastery,
		items: items.map((item) => ({
			id: item.questionId,
			n: numbers.get(item.questionId) ?? 0,
			prompt: bank.get(item.questionId)?.prompt ?? item.questionId,
			type: item.type,
			attempts: item.attempts,
			answered: item.answered,
			facility: percent(item.facility),
			discrimination: twoDecimals(item.discrimination),
			upperLower: twoDecimals(item.upperLower),
			options: item.options?.map((o) => ({
				text: optionText(item, o.text),
				key: o.key,
				count: o.count,
				share: percent(o.share) ?? 0
			}))
		}))
	};
};
