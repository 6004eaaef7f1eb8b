import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixtures';
import {
	emptyProgress,
	exportFileName,
	importProgress,
	loadProgress,
	mergeProgress,
	parseProgress,
	saveProgress,
	serializeProgress
} from './progress';
import { recordAnswer } from './scheduler';
import { studyItems } from './set';
import { memoryStorage } from './storage';

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

	it('refuses a damaged record and says where', () => {
		const doc = JSON.parse(serializeProgress(practised()));
		doc.items['q:who-met'].card.due = 'next tuesday';
		const r = parseProgress(JSON.stringify(doc));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.problem).toBe('damaged');
			expect(r.detail).toContain('items.q:who-met.card.due');
		}
	});

	it('refuses counts that do not add up', () => {
		const doc = JSON.parse(serializeProgress(practised()));
		doc.questions['who-met'].correct = 5;
		const r = parseProgress(JSON.stringify(doc));
		expect(r.ok).toBe(false);
	});

	it('refuses bad keys and negative numbers', () => {
		const doc = JSON.parse(serializeProgress(practised()));
		doc.questions['<script>'] = doc.questions['who-met'];
		expect(parseProgress(JSON.stringify(doc)).ok).toBe(false);
		const doc2 = JSON.parse(serializeProgress(practised()));
		doc2.items['q:who-met'].card.reps = -1;
		expect(parseProgress(JSON.stringify(doc2)).ok).toBe(false);
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
