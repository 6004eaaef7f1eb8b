import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixtures';
import {
	emptyProgress,
	exportFileName,
	importProgress,
	loadProgress,
	mergeProgress,
	own,
	parseProgress,
	saveProgress,
	serializeProgress
} from './progress';
import { recordAnswer } from './scheduler';
import { studyItems } from './set';
import { memoryStorage, type ProgressStorage } from './storage';

const t0 = new Date('2025-03-01T10:00:00Z');
const items = studyItems([fixtureSet]);
const fact = items.find((i) => i.key === 'fact:harbour-town/library-year')!;
const lone = items.find((i) => i.key === 'q:who-met')!;

function practised(now = t0) {
	let p = emptyProgress(now);
	p = recordAnswer(p, fact, fact.ladder[0], 'wrong', now);
	p = recordAnswer(p, lone, lone.ladder[0], 'correct', now);
	return p;
}

describe('progress document', () => {
	it('round-trips through storage', () => {
		const storage = memoryStorage();
		const p = practised();
		saveProgress(storage, p, t0);
		const { progress, recovered } = loadProgress(storage);
		expect(recovered).toBe(false);
		expect(progress).toEqual(p);
	});

	it('starts empty when nothing is stored', () => {
		const { progress } = loadProgress(memoryStorage(), t0);
		expect(progress).toEqual(emptyProgress(t0));
	});

	it('keeps unreadable stored text aside instead of throwing it away', () => {
		const storage = memoryStorage('{"format":"dalil-progress","version":1,');
		const { progress, recovered } = loadProgress(storage, t0);
		expect(recovered).toBe(true);
		expect(progress.questions).toEqual({});
		expect(storage.quarantined).toEqual(['{"format":"dalil-progress","version":1,']);
	});

	it.each([
		['not JSON', '{oops', 'not-json'],
		['truncated', serializeProgress(practised()).slice(0, 80), 'not-json'],
		['foreign JSON', '{"deck":"anki","cards":[]}', 'foreign'],
		['an array', '[1,2,3]', 'foreign'],
		['from a newer Dalil', '{"format":"dalil-progress","version":7}', 'newer']
	])('refuses %s', (_, text, problem) => {
		const r = parseProgress(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toBe(problem);
	});

	it('leaves out a damaged record and says which and where, keeping the others', () => {
		const doc = JSON.parse(serializeProgress(practised()));
		doc.items['q:who-met'].card.due = 'next tuesday';
		const r = parseProgress(JSON.stringify(doc));
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.refused).toEqual([
			{ record: 'items.q:who-met', reason: 'invalid', field: 'card.due' }
		]);
		expect(Object.keys(r.progress.items)).toEqual([fact.key]);
	});

	it('leaves out counts that do not add up', () => {
		const doc = JSON.parse(serializeProgress(practised()));
		doc.questions['who-met'].correct = 5;
		const r = parseProgress(JSON.stringify(doc));
		expect(r.ok && r.refused).toEqual([
			{ record: 'questions.who-met', reason: 'counts', field: 'correct' }
		]);
	});

	it('leaves out bad keys and negative numbers', () => {
		const doc = JSON.parse(serializeProgress(practised()));
		doc.questions['<script>'] = doc.questions['who-met'];
		doc.items['q:who-met'].card.reps = -1;
		const r = parseProgress(JSON.stringify(doc));
		expect(r.ok && r.refused).toEqual([
			{ record: 'questions.<script>', reason: 'key', field: '' },
			{ record: 'items.q:who-met', reason: 'range', field: 'card.reps' }
		]);
	});

	it('refuses a file whose envelope is damaged, and says where', () => {
		const doc = JSON.parse(serializeProgress(practised()));
		doc.items = [];
		const r = parseProgress(JSON.stringify(doc));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.problem).toBe('damaged');
			expect(r.detail).toContain('items');
		}
	});

	it('refuses an over-large file before parsing it', () => {
		const r = parseProgress(' '.repeat(5_000_001));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.problem).toBe('too-big');
	});
});

describe('import', () => {
	it('leaves current progress untouched when the file is refused', () => {
		const storage = memoryStorage();
		const mine = practised();
		saveProgress(storage, mine, t0);
		const before = storage.read();
		const r = importProgress(
			storage,
			mine,
			'{"format":"dalil-progress","version":1,"questions":7}'
		);
		expect(r.ok).toBe(false);
		expect(storage.read()).toBe(before);
	});

	it('brings another device’s progress in and saves it', () => {
		const storage = memoryStorage();
		const theirs = practised();
		const r = importProgress(storage, emptyProgress(t0), serializeProgress(theirs), t0);
		expect(r.ok).toBe(true);
		const { progress } = loadProgress(storage);
		expect(progress.questions).toEqual(theirs.questions);
		expect(progress.items).toEqual(theirs.items);
	});

	it('keeps the more recent practice of each record when merging', () => {
		const older = practised(t0);
		const later = new Date(t0.getTime() + 3600_000);
		const newer = recordAnswer(older, lone, lone.ladder[0], 'wrong', later);
		// Importing an old file over newer practice changes nothing.
		const a = mergeProgress(newer, older);
		expect(a.taken).toBe(0);
		expect(a.progress.questions['who-met'].last).toBe('wrong');
		// Importing a newer file over old practice takes the newer records only.
		const b = mergeProgress(older, newer);
		expect(b.progress.questions['who-met'].attempts).toBe(2);
		expect(b.taken).toBe(2);
	});

	it('names the export file by date', () => {
		expect(exportFileName(t0)).toBe('dalil-progress-2025-03-01.json');
	});
});

/** A progress file's JSON, loosely typed for editing. */
type Doc = {
	savedAt: string;
	questions: Record<string, Record<string, unknown>>;
	items: Record<string, { step: unknown; card: Record<string, unknown> }>;
};

/** A file of progress made at t0, with `edit` applied to its JSON. */
function hostile(edit: (doc: Doc) => void): string {
	const doc = JSON.parse(serializeProgress(practised()));
	edit(doc);
	return JSON.stringify(doc);
}

const NOW = new Date('2025-03-02T10:00:00Z');

describe('hostile progress files (issue 18)', () => {
	it.each([
		[
			'a practice date far in the future',
			(d: Doc) => (d.questions['who-met'].lastAt = '2999-01-01T00:00:00Z'),
			'questions.who-met',
			'future',
			'lastAt'
		],
		[
			'a review date far in the future',
			(d: Doc) => (d.items['q:who-met'].card.last_review = '2999-01-01T00:00:00Z'),
			'items.q:who-met',
			'future',
			'card.last_review'
		],
		[
			'a due date beyond any interval',
			(d: Doc) => (d.items['q:who-met'].card.due = '9999-01-01T00:00:00Z'),
			'items.q:who-met',
			'future',
			'card.due'
		],
		[
			'stability 1e308',
			(d: Doc) => (d.items['q:who-met'].card.stability = 1e308),
			'items.q:who-met',
			'range',
			'card.stability'
		],
		[
			'difficulty 11',
			(d: Doc) => (d.items['q:who-met'].card.difficulty = 11),
			'items.q:who-met',
			'range',
			'card.difficulty'
		],
		[
			'step 1e15',
			(d: Doc) => (d.items['q:who-met'].step = 1e15),
			'items.q:who-met',
			'range',
			'step'
		],
		[
			'attempts 1e15',
			(d: Doc) => (d.questions['who-met'].attempts = 1e15),
			'questions.who-met',
			'range',
			'attempts'
		],
		[
			'a record that is not an object',
			(d: Doc) => ((d.items as Record<string, unknown>)['q:who-met'] = 'x'),
			'items.q:who-met',
			'invalid',
			''
		]
	])('leaves out %s, saying which record and why', (_, edit, record, reason, field) => {
		const r = parseProgress(hostile(edit), NOW);
		expect(r.ok && r.refused).toEqual([{ record, reason, field }]);
	});

	it('accepts dates within a day of the clock, and due dates as far as FSRS schedules', () => {
		const text = hostile((d) => {
			d.questions['who-met'].lastAt = '2025-03-02T20:00:00Z';
			d.items['q:who-met'].card.due = '2100-01-01T00:00:00Z';
		});
		expect(parseProgress(text, NOW)).toMatchObject({ ok: true, refused: [] });
	});

	it('refuses a file saved in the future as a whole', () => {
		const r = parseProgress(
			hostile((d) => (d.savedAt = '2999-01-01T00:00:00Z')),
			NOW
		);
		expect(r).toMatchObject({ ok: false, problem: 'damaged' });
	});

	it('an import with a refused record is refused whole, naming each record, and changes nothing', () => {
		const storage = memoryStorage();
		const mine = recordAnswer(practised(), lone, lone.ladder[0], 'wrong', NOW);
		saveProgress(storage, mine, NOW);
		const before = storage.read();
		const text = hostile((d) => {
			d.questions['who-met'].lastAt = '2999-01-01T00:00:00Z';
			d.items['q:who-met'].card.stability = 1e308;
		});
		const r = importProgress(storage, mine, text, NOW);
		expect(r).toMatchObject({
			ok: false,
			problem: 'damaged',
			refused: [
				{ record: 'questions.who-met', reason: 'future', field: 'lastAt' },
				{ record: 'items.q:who-met', reason: 'range', field: 'card.stability' }
			]
		});
		expect(storage.read()).toBe(before);
	});

	it('keeps a record keyed `constructor` as itself', () => {
		const text = hostile((d) => {
			Object.assign(d.questions, { constructor: { ...d.questions['who-met'] } });
			d.items['q:constructor'] = d.items['q:who-met'];
		});
		// current progress as a plain object, where `constructor` is inherited
		const plain = { ...emptyProgress(NOW), questions: {}, items: {} };
		const r = importProgress(memoryStorage(), plain, text, NOW);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(Object.hasOwn(r.progress.questions, 'constructor')).toBe(true);
		expect(own(r.progress.questions, 'constructor')?.attempts).toBe(1);
		expect(Object.hasOwn(r.progress.items, 'q:constructor')).toBe(true);
		expect(r.taken).toBe(6);
		expect(Object.getPrototypeOf(r.progress.questions)).toBe(null);
		// and it survives storage
		const storage = memoryStorage();
		saveProgress(storage, r.progress, NOW);
		expect(own(loadProgress(storage, NOW).progress.questions, 'constructor')?.attempts).toBe(1);
	});

	it('refuses a record keyed `__proto__`, and nothing reaches Object.prototype', () => {
		// JSON.parse keeps "__proto__" as an own key; an object literal would not
		const text = serializeProgress(practised()).replace(
			'"questions":{',
			'"questions":{"__proto__":{"polluted":true},'
		);
		const r = importProgress(memoryStorage(), emptyProgress(NOW), text, NOW);
		expect(r).toMatchObject({
			ok: false,
			refused: [{ record: 'questions.__proto__', reason: 'key', field: '' }]
		});
		const parsed = parseProgress(text, NOW);
		expect(parsed.ok && Object.getPrototypeOf(parsed.progress.questions)).toBe(null);
		expect('polluted' in {}).toBe(false);
	});

	it('answering a question keyed `constructor` counts from zero', () => {
		const q = { ...lone.ladder[0], id: 'constructor' };
		const p = recordAnswer(emptyProgress(NOW), lone, q, 'correct', NOW);
		expect(own(p.questions, 'constructor')?.attempts).toBe(1);
	});

	it('a device whose storage is full: a quota message, nothing changed', () => {
		const full: ProgressStorage = {
			read: () => null,
			write: () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			},
			quarantine: () => {}
		};
		const r = importProgress(full, emptyProgress(NOW), serializeProgress(practised()), NOW);
		expect(r).toMatchObject({ ok: false, problem: 'quota' });
		const blocked: ProgressStorage = {
			...full,
			write: () => {
				throw new DOMException('denied', 'SecurityError');
			}
		};
		expect(
			importProgress(blocked, emptyProgress(NOW), serializeProgress(practised()), NOW)
		).toMatchObject({
			ok: false,
			problem: 'storage'
		});
	});

	it('stored progress with a refused record is kept aside, the rest goes on', () => {
		const text = hostile((d) => (d.items['q:who-met'].card.stability = 1e308));
		const storage = memoryStorage(text);
		const { progress, recovered } = loadProgress(storage, NOW);
		expect(recovered).toBe(true);
		expect(storage.quarantined).toEqual([text]);
		expect(Object.keys(progress.items)).toEqual([fact.key]);
	});
});
