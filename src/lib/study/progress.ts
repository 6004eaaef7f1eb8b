/**
 * The learner's progress: what it holds, how it is checked, saved, exported and imported.
 *
 * One JSON document, the same in storage and in an exported file, so an export is just the stored
 * document and an import is checked by the same schema as a load. zod/mini keeps the schema's cost
 * in the browser small.
 */
import * as z from 'zod/mini';
import type { ProgressStorage } from './storage';

export const PROGRESS_FORMAT = 'dalil-progress';
export const PROGRESS_VERSION = 1;
/** Larger files are refused before parsing: a real progress file is a few hundred KB at most. */
export const MAX_PROGRESS_BYTES = 5_000_000;

export const VERDICTS = ['correct', 'partial', 'wrong'] as const;
export type Verdict = (typeof VERDICTS)[number];

const iso = z.iso.datetime({ offset: true });

/** FSRS never schedules further than this (ts-fsrs's maximum interval and largest stability). */
export const MAX_INTERVAL_DAYS = 36_500;
/** A practice date may be this far ahead of the device's clock (time zones, a clock set wrong). */
export const CLOCK_SKEW_MS = 24 * 3600_000;
/** Beyond any real learner: a count or a ladder step above these is a forged file. */
export const MAX_COUNT = 1_000_000;
export const MAX_STEP = 1_000;
const DAY_MS = 24 * 3600_000;

const count = z.int().check(z.nonnegative(), z.lte(MAX_COUNT));
const days = z.number().check(z.nonnegative(), z.lte(MAX_INTERVAL_DAYS));

/**
 * A date no later than `latest`: a record practised in the future would win every merge.
 * The issue's params say why, so the refusal can say it in the learner's language.
 */
const until = (latest: number) =>
	iso.check(z.refine((v) => Date.parse(v) <= latest, { params: { reason: 'future' } }));

/**
 * The schemas of one record, with the bounds of the time of checking.
 * @param now the device's clock when the document is read
 */
function recordSchemas(now: number) {
	const practised = until(now + CLOCK_SKEW_MS);
	/** An FSRS card as ts-fsrs keeps it, dates as ISO strings. */
	const card = z.object({
		due: until(now + (MAX_INTERVAL_DAYS + 1) * DAY_MS),
		stability: days,
		difficulty: z.number().check(z.nonnegative(), z.lte(10)),
		elapsed_days: days,
		scheduled_days: days,
		learning_steps: count,
		reps: count,
		lapses: count,
		state: z.int().check(z.gte(0), z.lte(3)),
		last_review: z.optional(practised)
	});
	/** Per question: how often it was tried and how the last try went. */
	const question = z.object({
		article: z.string().check(z.minLength(1), z.maxLength(200)),
		attempts: count.check(z.positive()),
		correct: count,
		last: z.enum(VERDICTS),
		lastAt: practised
	});
	/**
	 * Per scheduled item (a fact, or a question that asks no shared fact): its FSRS card, which
	 * says when it is due again, and how far up the ladder of harder forms the learner has come.
	 */
	const item = z.object({ step: count.check(z.lte(MAX_STEP)), card });
	return { card, question, item };
}

type Schemas = ReturnType<typeof recordSchemas>;
export type CardRecord = z.infer<Schemas['card']>;
export type QuestionRecord = z.infer<Schemas['question']>;
export type ItemRecord = z.infer<Schemas['item']>;

/** Same shape as the bank's question ids. */
const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** `q:<question id>` or `fact:<article>/<fact name>` (see itemKey in set.ts). */
const ITEM_KEY = /^(q:[a-z0-9][a-z0-9-]{0,79}|fact:[^/]{1,200}\/.{1,200})$/s;

/**
 * Records keyed by question id or item key. Without a prototype, so a record keyed `constructor`
 * (a valid question id) is found as itself, never as Object's inherited property; build them with
 * `records()`.
 */
export type Records<T> = Record<string, T>;

/**
 * An empty record map without a prototype, filled from `from` (own properties only).
 * @param from maps to copy, later ones winning
 */
export function records<T>(...from: Records<T>[]): Records<T> {
	return Object.assign(Object.create(null) as Records<T>, ...from);
}

/**
 * The record under `key`, only when the map holds it itself.
 * @param map question or item records
 * @param key a question id or item key
 */
export function own<T>(map: Records<T>, key: string): T | undefined {
	return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** The learner's progress document. */
export interface Progress {
	format: typeof PROGRESS_FORMAT;
	version: typeof PROGRESS_VERSION;
	savedAt: string;
	questions: Records<QuestionRecord>;
	items: Records<ItemRecord>;
}

/** Only the envelope is checked as a whole; each record is checked on its own. */
const envelope = (now: number) =>
	z.object({
		format: z.literal(PROGRESS_FORMAT),
		version: z.literal(PROGRESS_VERSION),
		savedAt: until(now + CLOCK_SKEW_MS),
		questions: z.custom<Record<string, unknown>>(isMap),
		items: z.custom<Record<string, unknown>>(isMap)
	});

function isMap(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a text is not usable progress. */
export type ProgressProblem = 'too-big' | 'not-json' | 'foreign' | 'newer' | 'damaged';

/** Why one record of a file was refused (the interface says each in its language). */
export const REFUSAL_REASONS = ['key', 'future', 'range', 'counts', 'invalid'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A record left out: where it was (`questions.<id>`, `items.<key>`), why, and the field. */
export interface Refusal {
	record: string;
	reason: RefusalReason;
	field: string;
}

export type ParsedProgress =
	| { ok: true; progress: Progress; refused: Refusal[] }
	| { ok: false; problem: ProgressProblem; detail: string };

/**
 * Progress with nothing in it yet.
 * @param now when it starts
 */
export function emptyProgress(now = new Date()): Progress {
	return {
		format: PROGRESS_FORMAT,
		version: PROGRESS_VERSION,
		savedAt: now.toISOString(),
		questions: records(),
		items: records()
	};
}

/**
 * Reads and checks a progress document (from storage or an imported file). Never throws.
 * A document whose envelope is wrong is refused whole; a record that is malformed, out of range
 * (a date in the future, a stability of 1e308) or under a key that is no id is left out and
 * named in `refused`, and the others are kept.
 * @param text the document as text
 * @param now the device's clock, the bound for dates
 */
export function parseProgress(text: string, now = new Date()): ParsedProgress {
	if (text.length > MAX_PROGRESS_BYTES) {
		return { ok: false, problem: 'too-big', detail: `${text.length} characters` };
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		return { ok: false, problem: 'not-json', detail: e instanceof Error ? e.message : String(e) };
	}
	const marker = isMap(raw) ? raw : undefined;
	if (!marker || marker.format !== PROGRESS_FORMAT) {
		return { ok: false, problem: 'foreign', detail: 'no "format": "dalil-progress"' };
	}
	if (typeof marker.version === 'number' && marker.version > PROGRESS_VERSION) {
		return { ok: false, problem: 'newer', detail: `version ${marker.version}` };
	}
	const parsed = envelope(now.getTime()).safeParse(raw);
	if (!parsed.success) {
		return { ok: false, problem: 'damaged', detail: describeIssues(parsed.error.issues) };
	}
	const schemas = recordSchemas(now.getTime());
	const refused: Refusal[] = [];
	const questions = checkRecords(parsed.data.questions, 'questions', QUESTION_ID, refused, (v) => {
		const q = schemas.question.safeParse(v);
		if (!q.success) return q.error.issues;
		// Counts must agree with each other, or the record was edited by hand or cut short.
		return q.data.correct > q.data.attempts ? 'counts' : q.data;
	});
	const items = checkRecords(parsed.data.items, 'items', ITEM_KEY, refused, (v) => {
		const r = schemas.item.safeParse(v);
		return r.success ? r.data : r.error.issues;
	});
	const progress: Progress = { ...parsed.data, questions, items };
	return { ok: true, progress, refused };
}

/**
 * The records of one map that pass, in a map without a prototype; the others in `refused`.
 * JSON.parse keeps a `__proto__` key as an own property: it fails the key's pattern here and is
 * never assigned to an object that has a prototype to change.
 */
function checkRecords<T>(
	map: Record<string, unknown>,
	name: string,
	key: RegExp,
	refused: Refusal[],
	check: (value: unknown) => T | z.core.$ZodIssue[] | 'counts'
): Records<T> {
	const kept = records<T>();
	for (const [k, value] of Object.entries(map)) {
		const record = `${name}.${k}`;
		if (!key.test(k)) {
			refused.push({ record, reason: 'key', field: '' });
			continue;
		}
		const result = check(value);
		if (result === 'counts') refused.push({ record, reason: 'counts', field: 'correct' });
		else if (Array.isArray(result)) refused.push({ record, ...reasonOf(result[0]) });
		else kept[k] = result;
	}
	return kept;
}

/** The learner-facing reason of a record's first problem, and the field it is in. */
function reasonOf(issue: z.core.$ZodIssue): { reason: RefusalReason; field: string } {
	const field = issue.path.map(String).join('.');
	if (issue.code === 'custom' && issue.params?.reason === 'future')
		return { reason: 'future', field };
	if (issue.code === 'too_big' || issue.code === 'too_small') return { reason: 'range', field };
	return { reason: 'invalid', field };
}

/** The first few problems, as `path: what` (zod/mini has no message catalogue). */
function describeIssues(issues: z.core.$ZodIssue[]): string {
	return issues
		.slice(0, 3)
		.map((i) => {
			const path = i.path.map(String).join('.') || '(top)';
			const what =
				i.code === 'invalid_type'
					? `expected ${i.expected}`
					: i.code === 'invalid_format'
						? `not a valid ${i.format}`
						: i.code === 'custom' && i.params?.reason === 'future'
							? 'in the future'
							: i.code.replace(/_/g, ' ');
			return `${path}: ${what}`;
		})
		.join('; ');
}

/**
 * The document as text, for storage and for an exported file.
 * @param progress the progress
 */
export function serializeProgress(progress: Progress): string {
	return JSON.stringify(progress);
}

/**
 * Loads the stored progress. Text that cannot be read is kept aside (quarantined), never thrown
 * away, and the learner starts afresh (or with the records that could be read).
 * @param storage where progress is kept
 * @param now the time, for a fresh document
 */
export function loadProgress(
	storage: ProgressStorage,
	now = new Date()
): { progress: Progress; recovered: boolean } {
	const text = storage.read();
	if (text === null) return { progress: emptyProgress(now), recovered: false };
	const parsed = parseProgress(text, now);
	if (parsed.ok && parsed.refused.length === 0)
		return { progress: parsed.progress, recovered: false };
	// Keep the whole text aside and go on with what could be read.
	storage.quarantine(text);
	return { progress: parsed.ok ? parsed.progress : emptyProgress(now), recovered: true };
}

/**
 * Saves progress.
 * @param storage where progress is kept
 * @param progress what to keep
 * @param now the time of saving
 */
export function saveProgress(storage: ProgressStorage, progress: Progress, now = new Date()): void {
	storage.write(serializeProgress({ ...progress, savedAt: now.toISOString() }));
}

/**
 * Merges imported progress into the current one: for each question and each item, the more
 * recently practised record wins, so importing an older file never undoes newer practice.
 * @param current the progress on this device
 * @param incoming the imported progress
 * @returns the merged progress and how many records came from the import
 */
export function mergeProgress(
	current: Progress,
	incoming: Progress
): { progress: Progress; taken: number } {
	let taken = 0;
	const questions = records(current.questions);
	for (const [id, q] of Object.entries(incoming.questions)) {
		const mine = own(questions, id);
		if (!mine || Date.parse(q.lastAt) > Date.parse(mine.lastAt)) {
			questions[id] = q;
			taken++;
		}
	}
	const items = records(current.items);
	const reviewed = (r: ItemRecord) => (r.card.last_review ? Date.parse(r.card.last_review) : 0);
	for (const [key, item] of Object.entries(incoming.items)) {
		const mine = own(items, key);
		if (!mine || reviewed(item) > reviewed(mine)) {
			items[key] = item;
			taken++;
		}
	}
	return { progress: { ...current, questions, items }, taken };
}

/** Why an import changed nothing: the file's problem, or the device's storage refusing it. */
export type ImportProblem = ProgressProblem | 'quota' | 'storage';

export type ImportResult =
	| { ok: true; progress: Progress; taken: number }
	| { ok: false; problem: ImportProblem; detail: string; refused?: Refusal[] };

/**
 * Imports a progress file: checks it completely before touching anything, then merges and saves.
 * A damaged or foreign file changes nothing, and one record that fails its checks (a date in the
 * future, a stability of 1e308, a key that is no id) refuses the file, naming each such record
 * and why: a file that was edited is not half taken. A device that refuses to store the result
 * (storage full) changes nothing either.
 * @param storage where progress is kept
 * @param current the progress on this device
 * @param text the file's text
 * @param now the time of saving, and the bound for the file's dates
 */
export function importProgress(
	storage: ProgressStorage,
	current: Progress,
	text: string,
	now = new Date()
): ImportResult {
	const parsed = parseProgress(text, now);
	if (!parsed.ok) return parsed;
	if (parsed.refused.length > 0) {
		const detail = parsed.refused.map((r) => `${r.record} ${r.field}: ${r.reason}`).join('; ');
		return { ok: false, problem: 'damaged', detail, refused: parsed.refused };
	}
	const merged = mergeProgress(current, parsed.progress);
	try {
		saveProgress(storage, merged.progress, now);
	} catch (e) {
		const name = e instanceof Error ? e.name : '';
		const quota = name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
		return { ok: false, problem: quota ? 'quota' : 'storage', detail: String(e) };
	}
	return { ok: true, ...merged };
}

/**
 * A file name for an export: dalil-progress-2025-01-31.json
 * @param now the time of export
 */
export function exportFileName(now = new Date()): string {
	return `dalil-progress-${now.toISOString().slice(0, 10)}.json`;
}
