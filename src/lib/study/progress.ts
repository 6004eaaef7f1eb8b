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
const count = z.int().check(z.nonnegative());
const real = z.number().check(z.nonnegative());

/** An FSRS card as ts-fsrs keeps it, dates as ISO strings. */
const card = z.object({
	due: iso,
	stability: real,
	difficulty: z.number().check(z.nonnegative(), z.lte(10)),
	elapsed_days: real,
	scheduled_days: real,
	learning_steps: count,
	reps: count,
	lapses: count,
	state: z.int().check(z.gte(0), z.lte(3)),
	last_review: z.optional(iso)
});
export type CardRecord = z.infer<typeof card>;

/** Per question: how often it was tried and how the last try went. */
const questionRecord = z.object({
	article: z.string().check(z.minLength(1), z.maxLength(200)),
	attempts: count,
	correct: count,
	last: z.enum(VERDICTS),
	lastAt: iso
});
export type QuestionRecord = z.infer<typeof questionRecord>;

/**
 * Per scheduled item (a fact, or a question that asks no shared fact): its FSRS card, which says
 * when it is due again, and how far up the ladder of harder forms the learner has come.
 */
const itemRecord = z.object({
	step: count,
	card
});
export type ItemRecord = z.infer<typeof itemRecord>;

/** Same shape as the bank's question ids. */
const QUESTION_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** `q:<question id>` or `fact:<article>/<fact name>` (see itemKey in set.ts). */
const ITEM_KEY = /^(q:[a-z0-9][a-z0-9-]{0,79}|fact:[^/]{1,200}\/.{1,200})$/s;

const progressSchema = z.object({
	format: z.literal(PROGRESS_FORMAT),
	version: z.literal(PROGRESS_VERSION),
	savedAt: iso,
	questions: z.record(z.string().check(z.regex(QUESTION_ID)), questionRecord),
	items: z.record(z.string().check(z.regex(ITEM_KEY)), itemRecord)
});
export type Progress = z.infer<typeof progressSchema>;

/** Why a text is not usable progress. */
export type ProgressProblem = 'too-big' | 'not-json' | 'foreign' | 'newer' | 'damaged';

export type ParsedProgress =
	{ ok: true; progress: Progress } | { ok: false; problem: ProgressProblem; detail: string };

/**
 * Progress with nothing in it yet.
 * @param now when it starts
 */
export function emptyProgress(now = new Date()): Progress {
	return {
		format: PROGRESS_FORMAT,
		version: PROGRESS_VERSION,
		savedAt: now.toISOString(),
		questions: {},
		items: {}
	};
}

/**
 * Reads and checks a progress document (from storage or an imported file). Never throws.
 * @param text the document as text
 */
export function parseProgress(text: string): ParsedProgress {
	if (text.length > MAX_PROGRESS_BYTES) {
		return { ok: false, problem: 'too-big', detail: `${text.length} characters` };
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		return { ok: false, problem: 'not-json', detail: e instanceof Error ? e.message : String(e) };
	}
	const marker = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : undefined;
	if (!marker || marker.format !== PROGRESS_FORMAT) {
		return { ok: false, problem: 'foreign', detail: 'no "format": "dalil-progress"' };
	}
	if (typeof marker.version === 'number' && marker.version > PROGRESS_VERSION) {
		return { ok: false, problem: 'newer', detail: `version ${marker.version}` };
	}
	const parsed = progressSchema.safeParse(raw);
	if (!parsed.success) {
		return { ok: false, problem: 'damaged', detail: describeIssues(parsed.error.issues) };
	}
	// Counts must agree with each other, or the record was edited by hand or cut short.
	for (const [id, q] of Object.entries(parsed.data.questions)) {
		if (q.correct > q.attempts || q.attempts === 0) {
			return { ok: false, problem: 'damaged', detail: `questions.${id}: counts do not add up` };
		}
	}
	return { ok: true, progress: parsed.data };
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
						: i.code === 'invalid_key'
							? 'not a valid key'
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
 * away, and the learner starts afresh.
 * @param storage where progress is kept
 * @param now the time, for a fresh document
 */
export function loadProgress(
	storage: ProgressStorage,
	now = new Date()
): { progress: Progress; recovered: boolean } {
	const text = storage.read();
	if (text === null) return { progress: emptyProgress(now), recovered: false };
	const parsed = parseProgress(text);
	if (parsed.ok) return { progress: parsed.progress, recovered: false };
	storage.quarantine(text);
	return { progress: emptyProgress(now), recovered: true };
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
	const questions = { ...current.questions };
	for (const [id, q] of Object.entries(incoming.questions)) {
		const mine = questions[id];
		if (!mine || Date.parse(q.lastAt) > Date.parse(mine.lastAt)) {
			questions[id] = q;
			taken++;
		}
	}
	const items = { ...current.items };
	const reviewed = (r: ItemRecord) => (r.card.last_review ? Date.parse(r.card.last_review) : 0);
	for (const [key, item] of Object.entries(incoming.items)) {
		const mine = items[key];
		if (!mine || reviewed(item) > reviewed(mine)) {
			items[key] = item;
			taken++;
		}
	}
	return { progress: { ...current, questions, items }, taken };
}

/**
 * Imports a progress file: checks it completely before touching anything, then merges and saves.
 * A damaged or foreign file changes nothing.
 * @param storage where progress is kept
 * @param current the progress on this device
 * @param text the file's text
 * @param now the time of saving
 */
export function importProgress(
	storage: ProgressStorage,
	current: Progress,
	text: string,
	now = new Date()
):
	| { ok: true; progress: Progress; taken: number }
	| { ok: false; problem: ProgressProblem; detail: string } {
	const parsed = parseProgress(text);
	if (!parsed.ok) return parsed;
	const merged = mergeProgress(current, parsed.progress);
	saveProgress(storage, merged.progress, now);
	return { ok: true, ...merged };
}

/**
 * A file name for an export: dalil-progress-2025-01-31.json
 * @param now the time of export
 */
export function exportFileName(now = new Date()): string {
	return `dalil-progress-${now.toISOString().slice(0, 10)}.json`;
}
