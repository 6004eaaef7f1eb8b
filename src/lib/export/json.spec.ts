import { describe, expect, it } from 'vitest';
import { bankInput } from '../server/export.fixtures';
import { fixtureInput } from './fixtures';
import { fromJson, plainQuestion, toJson } from './json';

// whole-bank reads take seconds, more on a loaded machine: no 5 s default
describe('JSON export', { timeout: 60_000 }, () => {
	for (const [name, input] of [
		['fixture', fixtureInput],
		['bank', bankInput]
	] as const) {
		it(`round-trips through the bank schema to the same questions (${name})`, () => {
			const i = input();
			const { text } = toJson(i);
			const doc = fromJson(text!);
			expect(doc.articles.flatMap((a) => a.questions)).toEqual(i.questions.map(plainQuestion));
			for (const a of doc.articles) expect(a.attribution).toBe(i.articles.get(a.slug)!.attribution);
		});
	}

	it('refuses a document that is not a Dalil export, naming why', () => {
		expect(() => fromJson('{"format":"other","version":1,"articles":[]}')).toThrow(
			/not a Dalil export/
		);
	});
});
