import { readOffset, STUDENT_TZ_COOKIE } from '$lib/assign/schedule';
import { strings } from '$lib/i18n';
import { studentAssignments } from '$lib/server/assignments';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

// A list of links: rendered on the server only, it needs no JavaScript.
export const csr = false;

/** The order of a student's groups: what to do first. */
const GROUPS = ['in-progress', 'to-do', 'overdue', 'done', 'upcoming'] as const;

export const load: PageServerLoad = async ({ locals, cookies }) => {
	const memberships = locals.student?.memberships ?? [];
	const now = Date.now();
	// one class at a time (a device joins a class or two), so each line knows its class
	const classes = await Promise.all(
		memberships.map(async (m) => {
			const mine = await studentAssignments(db(), [{ id: m.studentId, classId: m.classId }], now);
			const lines = mine.map((x) => ({
				id: x.id,
				title: x.spec.title,
				mode: x.spec.mode,
				n: x.spec.n,
				opensAt: x.spec.opensAt,
				closesAt: x.spec.closesAt,
				status: x.status,
				score: x.score ?? null
			}));
			return {
				...m,
				groups: GROUPS.map((status) => ({
					status,
					assignments: lines.filter((l) => l.status === status)
				})).filter((g) => g.assignments.length > 0)
			};
		})
	);
	return {
		t: strings(locals.locale).classes,
		a: strings(locals.locale).assign,
		w: strings(locals.locale).work,
		questionCount: strings(locals.locale).counts.questions,
		locale: locals.locale,
		// the student's time zone, as their browser last said (null: UTC, named)
		offset: readOffset(cookies.get(STUDENT_TZ_COOKIE)) ?? null,
		classes
	};
};
