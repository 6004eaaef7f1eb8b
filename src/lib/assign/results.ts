/**
 * An assignment's results, from its stored attempts: each student's counted attempt (score, time
 * taken, submitted at, late), each question's verdict per student (the grid), and the class's
 * mastery of each paragraph, in the study mastery map's shape so the same picture shows it.
 *
 * The attempt that counts is a student's best submitted one (the earliest of equal scores), as
 * Moodle's default "highest grade". Attempts not submitted count for nothing.
 */
import type { Paragraph } from '../bank/article';
import { masteryLevel, KNOWN, type ParagraphMastery } from '../study/mastery';

export type Verdict = 'correct' | 'partial' | 'wrong' | 'unanswered';

/** A student of the class. */
export interface ResultStudent {
	id: string;
	name: string;
}

/** What results need of a question asked. */
export interface ResultQuestion {
	id: string;
	/** the paragraphs it cites: p1, p2, … */
	paragraphs: readonly string[];
}

/** What results need of a stored attempt. */
export interface ResultAttempt {
	studentId: string;
	/** the question ids asked, in order */
	ids: readonly string[];
	startedAt: number;
	submittedAt: number | null;
	late: boolean;
	/** by question id: absent when unanswered */
	grades: Readonly<Record<string, { score: number; verdict: 'correct' | 'partial' | 'wrong' }>>;
}

/** One student's line of the results. */
export interface StudentResult {
	student: ResultStudent;
	/** absent: nothing submitted */
	counted?: {
		score: number;
		total: number;
		percent: number;
		/** time taken, seconds */
		seconds: number;
		submittedAt: number;
		late: boolean;
	};
	/** attempts started, submitted or not */
	attempts: number;
}

export interface AssignmentResults {
	students: StudentResult[];
	/** every question asked of anyone, in paragraph order */
	questions: ResultQuestion[];
	/** grid[student][question]: the counted attempt's verdict, null when not asked of them */
	grid: (Verdict | null)[][];
	/** by paragraph, over every counted attempt */
	mastery: ParagraphMastery[];
	/** submitted / roster */
	submitted: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A student's counted attempt: the best submitted one, earliest of equals.
 * @param attempts the student's attempts
 */
export function countedAttempt(attempts: readonly ResultAttempt[]): ResultAttempt | undefined {
	let best: { attempt: ResultAttempt; score: number } | undefined;
	for (const attempt of attempts) {
		if (attempt.submittedAt === null) continue;
		const score = scoreOf(attempt);
		if (
			!best ||
			score > best.score ||
			(score === best.score && attempt.submittedAt < best.attempt.submittedAt!)
		) {
			best = { attempt, score };
		}
	}
	return best?.attempt;
}

/**
 * An attempt's score: the sum of its questions' scores (partial credit counts).
 * @param attempt a graded attempt
 */
export function scoreOf(attempt: Pick<ResultAttempt, 'ids' | 'grades'>): number {
	return round2(attempt.ids.reduce((s, id) => s + (attempt.grades[id]?.score ?? 0), 0));
}

/**
 * Aggregates an assignment's attempts.
 * @param roster the class's students, in the order to list them
 * @param questions every question the assignment may ask, by id (a bank lookup)
 * @param attempts every attempt at the assignment
 * @param paragraphs the article's paragraphs, for the mastery map
 */
export function assignmentResults(
	roster: readonly ResultStudent[],
	questions: ReadonlyMap<string, ResultQuestion>,
	attempts: readonly ResultAttempt[],
	paragraphs: readonly Pick<Paragraph, 'id' | 'n'>[]
): AssignmentResults {
	const byStudent = new Map<string, ResultAttempt[]>();
	for (const a of attempts) {
		const list = byStudent.get(a.studentId);
		if (list) list.push(a);
		else byStudent.set(a.studentId, [a]);
	}
	const counted = roster.map((s) => countedAttempt(byStudent.get(s.id) ?? []));

	const asked = new Set(counted.flatMap((a) => a?.ids ?? []));
	const order = new Map(paragraphs.map((p) => [p.id, p.n]));
	const firstParagraph = (q: ResultQuestion) => order.get(q.paragraphs[0]) ?? Infinity;
	const shown = [...asked]
		.flatMap((id) => (questions.has(id) ? [questions.get(id)!] : []))
		.sort((a, b) => firstParagraph(a) - firstParagraph(b) || (a.id < b.id ? -1 : 1));

	const students = roster.map((student, i): StudentResult => {
		const a = counted[i];
		const tried = byStudent.get(student.id)?.length ?? 0;
		if (!a) return { student, attempts: tried };
		const score = scoreOf(a);
		return {
			student,
			attempts: tried,
			counted: {
				score,
				total: a.ids.length,
				percent: a.ids.length ? Math.round((score / a.ids.length) * 100) : 0,
				seconds: Math.max(0, Math.round((a.submittedAt! - a.startedAt) / 1000)),
				submittedAt: a.submittedAt!,
				late: a.late
			}
		};
	});

	const grid = counted.map((a) =>
		shown.map((q): Verdict | null =>
			!a || !a.ids.includes(q.id) ? null : (a.grades[q.id]?.verdict ?? 'unanswered')
		)
	);

	const mastery = paragraphs.map((p): ParagraphMastery => {
		const here = shown.filter((q) => q.paragraphs.includes(p.id));
		const scores = counted.flatMap((a) =>
			a ? here.filter((q) => a.ids.includes(q.id)).map((q) => a.grades[q.id]?.score ?? 0) : []
		);
		const score = scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : 0;
		return {
			paragraph: p.id,
			items: here.length,
			practised: scores.length,
			known: scores.filter((x) => x >= KNOWN).length,
			score,
			level: masteryLevel(here.length, scores.length, score)
		};
	});

	return {
		students,
		questions: shown,
		grid,
		mastery,
		submitted: students.filter((s) => s.counted).length
	};
}
