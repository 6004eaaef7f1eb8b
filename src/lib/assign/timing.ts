/**
 * Time in an assignment: an attempt's deadline (fixed when it starts, never reset), whether a save
 * or submission at a moment is on time, late or refused, when a test is over, and the status a
 * student's home shows (to do, in progress, done, overdue; upcoming before it opens).
 */
import type { AssignmentSpec } from './spec';

type Timing = Pick<
	AssignmentSpec,
	'opensAt' | 'closesAt' | 'timeLimit' | 'grace' | 'late' | 'attemptsAllowed' | 'mode'
>;

/**
 * An attempt's deadline, set once when it starts: the time limit from the start, or the close time
 * if that comes first; null when neither bounds it.
 * @param a the assignment
 * @param startedAt when the attempt started (ms)
 */
export function attemptDeadline(a: Timing, startedAt: number): number | null {
	const byLimit = a.mode === 'test' && a.timeLimit > 0 ? startedAt + a.timeLimit * 60_000 : null;
	if (byLimit === null) return a.closesAt;
	return a.closesAt === null ? byLimit : Math.min(byLimit, a.closesAt);
}

export type Punctuality = 'on-time' | 'late' | 'refused';

/**
 * Whether a save or submission at `now` counts: on time up to the deadline plus the grace; after
 * it, late or refused as the assignment says.
 * @param a the assignment
 * @param deadline the attempt's deadline (null: none)
 * @param now the moment (ms)
 */
export function punctuality(a: Timing, deadline: number | null, now: number): Punctuality {
	if (deadline === null || now <= deadline + a.grace * 1000) return 'on-time';
	return a.late === 'mark' ? 'late' : 'refused';
}

/**
 * Whether the assignment is over: its close time and grace have passed. An assignment with no close
 * time is never over on its own (a teacher closes it by setting one).
 * @param a the assignment
 * @param now the moment (ms)
 */
export function isOver(a: Pick<AssignmentSpec, 'closesAt' | 'grace'>, now: number): boolean {
	return a.closesAt !== null && now > a.closesAt + a.grace * 1000;
}

/** What a student's home says of an assignment. */
export type AssignmentStatus = 'upcoming' | 'to-do' | 'in-progress' | 'done' | 'overdue';

/** What the status needs of one of the student's attempts. */
export interface AttemptTimes {
	startedAt: number;
	deadline: number | null;
	submittedAt: number | null;
}

/**
 * The status of an assignment for one student.
 * @param a the assignment
 * @param attempts the student's attempts at it
 * @param now the moment (ms)
 */
export function assignmentStatus(
	a: Timing,
	attempts: readonly AttemptTimes[],
	now: number
): AssignmentStatus {
	if (attempts.some((t) => t.submittedAt !== null)) return 'done';
	const open = attempts.find((t) => punctuality(a, t.deadline, now) !== 'refused');
	if (open && (a.late === 'mark' || !isOver(a, now))) return 'in-progress';
	if (now < a.opensAt) return 'upcoming';
	if (isOver(a, now) || attempts.length >= a.attemptsAllowed) return 'overdue';
	return 'to-do';
}

/**
 * Whether the student may start a new attempt now.
 * @param a the assignment
 * @param attempts how many attempts the student has started
 * @param now the moment (ms)
 */
export function mayStart(a: Timing, attempts: number, now: number): boolean {
	return now >= a.opensAt && !isOver(a, now) && attempts < a.attemptsAllowed;
}
