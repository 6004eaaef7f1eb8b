/**
 * How answers travel in a form post, both ways: field names of the controls, reading a post into
 * `StudentResponse`s (the boundary: anything that does not fit is a problem, never a crash), and a
 * saved response back into what each control shows.
 *
 * Field names: `<id>` for one value (choice, true/false, short, numeric; repeated for checkboxes),
 * `<id>.<k>` for the k-th blank, pair or item, and `<paragraph>:<word>` values for evidence words.
 * Question ids never start with `_`, so `_attempt`, `_check`, … are free for the page.
 */
import type { StudentResponse } from '../grading/types';
import { MAX_ANSWER_LENGTH } from '../grading/response';
import { words } from './fields';
import type { QuestionView } from './types';

export type ProblemCode = 'too-long' | 'not-an-option' | 'malformed' | 'duplicate-position';

/** A field that could not be taken as it came. */
export interface FormProblem {
	id: string;
	code: ProblemCode;
}

/** Saved answers, by question id. */
export type Answers = Record<string, StudentResponse>;

/**
 * Reads the answers of a form post. Empty answers are left out; a field that is too long, names an
 * option the question does not have, or is malformed is reported, and its question left out, while
 * every other answer is read as usual.
 * @param form the posted form
 * @param views the questions of the quiz, as the page showed them
 */
export function readAnswers(
	form: FormData,
	views: readonly QuestionView[]
): { answers: Answers; problems: FormProblem[]; overLong: Record<string, string[]> } {
	const answers: Answers = {};
	const problems: FormProblem[] = [];
	// The over-long text itself (clipped) so the page can give it back rather than drop it.
	const overLong: Record<string, string[]> = {};
	const text = (name: string): string => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const all = (name: string): string[] =>
		form.getAll(name).filter((v): v is string => typeof v === 'string');

	for (const v of views) {
		const id = v.id;
		const problem = (code: ProblemCode) => problems.push({ id, code });
		switch (v.type) {
			case 'single': {
				const choice = text(id);
				if (choice === '') break;
				if (!v.options.includes(choice)) problem('not-an-option');
				else answers[id] = { type: 'single', choice };
				break;
			}
			case 'multiple': {
				const choices = [...new Set(all(id))];
				if (choices.length === 0) break;
				if (choices.some((c) => !v.options.includes(c))) problem('not-an-option');
				// in the order shown, whatever order the browser sent them in
				else
					answers[id] = { type: 'multiple', choices: v.options.filter((o) => choices.includes(o)) };
				break;
			}
			case 'truefalse': {
				const value = text(id);
				if (value === '') break;
				if (value !== 'true' && value !== 'false') problem('not-an-option');
				else answers[id] = { type: 'truefalse', value: value === 'true' };
				break;
			}
			case 'short':
			case 'numeric': {
				const value = text(id);
				if (value.length > MAX_ANSWER_LENGTH) {
					problem('too-long');
					overLong[id] = [value.slice(0, MAX_ANSWER_LENGTH * 4)];
				} else if (value.trim() !== '') {
					answers[id] =
						v.type === 'short' ? { type: 'short', text: value } : { type: 'numeric', text: value };
				}
				break;
			}
			case 'cloze': {
				const blanks = v.segments.slice(1).map((_, k) => text(`${id}.${k}`));
				if (blanks.some((b) => b.length > MAX_ANSWER_LENGTH)) {
					problem('too-long');
					overLong[id] = blanks.map((b) => b.slice(0, MAX_ANSWER_LENGTH * 4));
				} else if (blanks.some((b) => b.trim() !== '')) answers[id] = { type: 'cloze', blanks };
				break;
			}
			case 'matching': {
				const matches = v.left.map((_, k) => text(`${id}.${k}`));
				if (matches.some((m) => m !== '' && !v.right.includes(m))) problem('not-an-option');
				else if (matches.some((m) => m !== '')) answers[id] = { type: 'matching', matches };
				break;
			}
			case 'ordering': {
				const n = v.items.length;
				const positions = v.items.map((_, k) => text(`${id}.${k}`));
				if (positions.every((p) => p === '')) break;
				if (positions.some((p) => p !== '' && !/^[1-9][0-9]?$/.test(p))) {
					problem('malformed');
					break;
				}
				// Two items at one position: the student is asked, not renumbered behind their back.
				const placed = positions.filter((p) => p !== '');
				if (new Set(placed.map(Number)).size < placed.length) {
					problem('duplicate-position');
					break;
				}
				// Unplaced items go last, in the order shown.
				const order = v.items
					.map((item, k) => ({ item, k, at: positions[k] === '' ? n + 1 : Number(positions[k]) }))
					.sort((a, b) => a.at - b.at || a.k - b.k)
					.map((x) => x.item);
				answers[id] = { type: 'ordering', order };
				break;
			}
			case 'evidence': {
				const marked = all(id);
				if (marked.length === 0) break;
				const picked = marked.map((m) => /^(p[1-9][0-9]*):([0-9]{1,5})$/.exec(m));
				if (picked.some((m) => m === null) || marked.length > 2000) {
					problem('malformed');
					break;
				}
				// The phrase runs from the first marked word to the last, in the first paragraph marked.
				const paragraph = picked[0]![1];
				const passage = v.passages.find((p) => p.paragraph === paragraph);
				const ws = passage && words(passage.text);
				const chosen = picked.filter((m) => m![1] === paragraph).map((m) => ws?.[Number(m![2])]);
				if (!ws || chosen.some((w) => w === undefined)) {
					problem('not-an-option');
					break;
				}
				const start = Math.min(...chosen.map((w) => w![1]));
				const end = Math.max(...chosen.map((w) => w![2]));
				answers[id] = { type: 'evidence', paragraph, start, end };
				break;
			}
		}
	}
	return { answers, problems, overLong };
}
