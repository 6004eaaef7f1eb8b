/**
 * The database's tables as Kysely sees them: one interface per table, keyed by table name in
 * `Database`. A migration that adds a table adds its interface here too.
 *
 * Conventions, the same on SQLite and PostgreSQL:
 * - ids are text (random, unguessable: see `newId` in ./ids);
 * - our own times are integers, milliseconds since the epoch (`bigint` on PostgreSQL, read back
 *   as numbers by the pool's type parser);
 * - no booleans in our own tables (a nullable time says more: `removed_at`, `used_at`);
 * - Better Auth's tables keep Better Auth's own names and types (camelCase, dates).
 */
/** Better Auth: a teacher. */
export interface UserTable {
	id: string;
	name: string;
	email: string;
	emailVerified: boolean | number;
	image: string | null;
	createdAt: Date | string;
	updatedAt: Date | string;
}

/** Better Auth: a teacher's signed-in browser. */
export interface SessionTable {
	id: string;
	expiresAt: Date | string;
	token: string;
	createdAt: Date | string;
	updatedAt: Date | string;
	ipAddress: string | null;
	userAgent: string | null;
	userId: string;
}

/** Better Auth: how a teacher signs in (here: e-mail and a password hash). */
export interface AccountTable {
	id: string;
	accountId: string;
	providerId: string;
	userId: string;
	accessToken: string | null;
	refreshToken: string | null;
	idToken: string | null;
	accessTokenExpiresAt: Date | string | null;
	refreshTokenExpiresAt: Date | string | null;
	scope: string | null;
	password: string | null;
	createdAt: Date | string;
	updatedAt: Date | string;
}

/** Better Auth: one-time values (e-mail verification, password reset). */
export interface VerificationTable {
	id: string;
	identifier: string;
	value: string;
	expiresAt: Date | string;
	createdAt: Date | string;
	updatedAt: Date | string;
}

/** A teacher's class. Students join it with `join_code`. */
export interface ClassTable {
	id: string;
	teacher_id: string;
	name: string;
	/** Six characters from JOIN_CODE_ALPHABET, unique across all classes. */
	join_code: string;
	created_at: number;
}

/** A student on a class's roster: one row per class joined (a name, no e-mail). */
export interface StudentTable {
	id: string;
	class_id: string;
	name: string;
	created_at: number;
	/** Set when the teacher removes the student: their work is kept, their sessions end. */
	removed_at: number | null;
	/** SHA-256 of the personal re-entry link's token, while one is outstanding. */
	reentry_hash: string | null;
	reentry_expires_at: number | null;
}

/**
 * A student's device: one long-lived cookie token, whose hash is `token_hash`, stands for every
 * student row (one per class) joined from that device. One row per (device, student).
 */
export interface StudentSessionTable {
	token_hash: string;
	student_id: string;
	created_at: number;
	expires_at: number;
}

/** A link a teacher gives a colleague to create an account while sign-up is closed. */
export interface InviteTable {
	token_hash: string;
	created_by: string;
	created_at: number;
	expires_at: number;
	used_at: number | null;
}

/** Fixed-window counters of attempts per key (an action and a client), shared by all processes. */
export interface RateLimitTable {
	key: string;
	window_start: number;
	count: number;
}

/** A value every server process shares, made once (e.g. the secret that signs auth cookies). */
export interface SettingTable {
	key: string;
	value: string;
}

/** Who did what, when: kept for teachers to read (overrides, removals, renames…). */
export interface AuditTable {
	id: string;
	at: number;
	/** 'teacher' | 'student' | 'system' */
	actor_kind: string;
	actor_id: string | null;
	action: string;
	/** What the action was about, e.g. a class or student id. */
	subject: string | null;
	/** JSON text with the details (old and new values). */
	detail: string | null;
}

/** A quiz a teacher gave a class; `spec` is the whole `AssignmentSpec` (assign/spec.ts) as JSON. */
export interface AssignmentTable {
	id: string;
	class_id: string;
	title: string;
	/** the article's slug (copied from the spec: public routes look tests up by article) */
	article: string;
	/** 'practice' | 'test' (copied from the spec) */
	mode: string;
	/** copied from the spec, for finding tests that are not over */
	closes_at: number | null;
	spec: string;
	created_at: number;
}

/**
 * One go at a quiz: by a class's student at an assignment (numbered 1, 2, … per student), or by an
 * anonymous quiz link's browser (`client_hash`, no assignment). The deadline is fixed when it
 * starts; once `submitted_at` is set nothing of it changes.
 */
export interface AttemptTable {
	id: string;
	assignment_id: string | null;
	student_id: string | null;
	number: number;
	/** SHA-256 of an anonymous browser's client cookie */
	client_hash: string | null;
	/** an anonymous attempt's client address, hashed (migration 0005) */
	address_hash: string | null;
	slug: string;
	/** the quiz's canonical query */
	query: string;
	/** JSON array of question ids, in quiz order */
	question_ids: string;
	started_at: number;
	deadline: number | null;
	/** JSON: practice checks by question id ({ score, verdict }) */
	checks: string;
	updated_at: number;
	submitted_at: number | null;
	/** 1 when submitted after the deadline and its grace (and taken) */
	late: number;
	/** sum of the grades, set on submission */
	score: number | null;
}

/** A saved answer: the latest response to one question of an attempt. */
export interface AnswerTable {
	attempt_id: string;
	question_id: string;
	/** JSON of the `StudentResponse` */
	response: string;
	saved_at: number;
}

/** The grade of one question of a submitted attempt (unanswered questions have none). */
export interface GradeTable {
	attempt_id: string;
	question_id: string;
	score: number;
	/** 'correct' | 'partial' | 'wrong' */
	verdict: string;
	/** the grader's rule that decided, when it names one */
	rule: string | null;
	/** the grader's one line saying why, for people */
	reason: string | null;
	/** 1 when the grader asked for a teacher's look */
	unsure: number;
	grader_version: string | null;
	graded_at: number;
	/** the teacher's override in force on this answer, if any (score and verdict are then its) */
	override_id: string | null;
	/** while an override stands: the grader's own score and verdict */
	grader_score: number | null;
	grader_verdict: string | null;
}

/**
 * A teacher's decision on a group of answers (one question of an assignment, one folded form).
 * Never deleted: undo sets `undone_at`; the latest not undone of a group is in force.
 */
export interface OverrideTable {
	id: string;
	assignment_id: string;
	question_id: string;
	/** the folded form of the group's answers */
	form: string;
	/** the commonest spelling of the group, for people and the bank */
	text: string | null;
	/** the grader's verdict and score on the group when the teacher decided */
	old_verdict: string;
	old_score: number;
	/** 'correct' | 'partial' | 'wrong' */
	verdict: string;
	score: number;
	note: string | null;
	teacher_id: string;
	created_at: number;
	undone_at: number | null;
	undone_by: string | null;
}

/**
 * A teacher's "assessment only" mark (migration 0006): the article, or one of its questions, is
 * kept for assigned tests and never served by practice links or self-study.
 */
export interface AssessmentMarkTable {
	article: string;
	/** the question's id; '' marks the whole article */
	question_id: string;
	/** who marked it; null once their account is gone (the mark stays) */
	teacher_id: string | null;
	marked_at: number;
}

/** Every table, by name. */
export interface Database {
	user: UserTable;
	session: SessionTable;
	account: AccountTable;
	verification: VerificationTable;
	class: ClassTable;
	student: StudentTable;
	student_session: StudentSessionTable;
	invite: InviteTable;
	rate_limit: RateLimitTable;
	setting: SettingTable;
	audit: AuditTable;
	assignment: AssignmentTable;
	attempt: AttemptTable;
	answer: AnswerTable;
	grade: GradeTable;
	override: OverrideTable;
	assessment_mark: AssessmentMarkTable;
}
