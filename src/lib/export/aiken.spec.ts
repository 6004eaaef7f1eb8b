import { describe, expect, it } from 'vitest';
import { toAiken } from './aiken';
import { bankInput, fixtureInput } from './fixtures';

/** Reads Aiken the way Moodle's importer does: stem line, `X) ` choices, `ANSWER: X`. */
function readAiken(text: string) {
	const out: { stem: string; choices: string[]; answer: number }[] = [];
	let cur: { stem: string; choices: string[] } | undefined;
	for (const line of text.split('\n').map((l) => l.trim())) {
		if (line === '') continue;
		const choice = /^([A-Z])[).][ \t](.*)$/.exec(line);
		if (choice && cur) cur.choices.push(choice[2]);
		else if (line.startsWith('ANSWER:') && cur) {
			out.push({ ...cur, answer: line.slice(7).trim().charCodeAt(0) - 65 });
			cur = undefined;
		} else {
			expect(cur, `a second question line: ${line}`).toBeUndefined();
			cur = { stem: line, choices: [] };
		}
	}
	expect(cur).toBeUndefined();
	return out;
}

describe('Aiken export', () => {
	it('holds single choice and true/false, reports the rest, reads back', () => {
		const input = fixtureInput();
		const { text, report } = toAiken(input);
		const read = readAiken(text!);
		expect(read.map((r) => r.stem)).toEqual(
			input.questions.filter((q) => report.exported.includes(q.id)).map((q) => q.prompt)
		);
		expect(report.exported).toEqual(['single-where', 'tf-false', 'tf-true']);
		expect(report.omitted).toHaveLength(input.questions.length - 3);
		expect(read[0].choices[read[0].answer]).toBe('زوارة');
		expect(read[1].choices[read[1].answer]).toBe('خطأ');
		expect(report.notes.join(' ')).toContain(input.articles.get('fixture')!.attribution);
	});

	it('reads back for the whole bank', () => {
		const input = bankInput();
		const { text, report } = toAiken(input);
		expect(readAiken(text!)).toHaveLength(report.exported.length);
		expect(report.exported.length + report.omitted.length).toBe(input.questions.length);
	});
});
