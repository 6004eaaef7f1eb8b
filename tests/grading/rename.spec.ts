/**
 * Renaming a person consistently in the article, the key and the answer changes no verdict: the
 * grader judges how a name is used, not which name it is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/bank/article';
import { gradeQuick, type QuickKey } from '../../src/lib/grading/quick';

const root = join(__dirname, '..', '..');
function article(slug: string) {
	const path = `questions/${slug}/article.md`;
	const { article } = parseArticle(slug, { path, text: readFileSync(join(root, path), 'utf8') });
	if (!article) throw new Error(`${path} does not parse`);
	return article;
}

/** Questions about people, with answers of every kind: full name, surname, first name, hedges. */
const CASES: {
	slug: string;
	surname: string;
	key: Omit<QuickKey, 'article'>;
	answers: string[];
}[] = [
	{
		slug: 'sarraj-africom-zuwara',
		surname: 'تاونسند',
		key: { expected: 'ستيفن تاونسند', prompt: 'من قائد أفريكوم؟', paragraph: 1 },
		answers: [
			'ستيفن تاونسند',
			'تاونسند',
			'الجنرال تاونسند',
			'ستيفن',
			'نورلاند',
			'تاونسند أو نورلاند',
			'تاونسند ونورلاند'
		]
	},
	{
		slug: 'amzar-flamingos',
		surname: 'مورينو',
		key: { expected: 'خافيير مورينو', prompt: 'ما اسم عالم الطيور الإسباني؟', paragraph: 5 },
		answers: ['مورينو', 'خافيير مورينو', 'خافيير', 'الشابي', 'مورينو أو الشابي']
	}
];

/** A name that is no word of the grader's lexicons: Arabic letters, no clitic letter first. */
const name = fc
	.tuple(
		fc.constantFrom(...'جحخدذرزسشصضطظعغقمنهي'),
		fc.array(fc.constantFrom(...'بتثجحخدذرزسشصضطظعغفقكلمنهوي'), { minLength: 4, maxLength: 6 })
	)
	.map(([first, rest]) => first + rest.join(''));

describe('renaming a person consistently', () => {
	for (const c of CASES) {
		it(`${c.slug}: «${c.surname}» renamed in article, key and answer keeps every verdict`, () => {
			const original = article(c.slug);
			const verdict = (text: string, key: Omit<QuickKey, 'article'>, a: typeof original) => {
				const r = gradeQuick({ ...key, article: c.slug } as QuickKey, text, a);
				return `${r.verdict} ${r.score}`;
			};
			const before = c.answers.map((t) => verdict(t, c.key, original));
			fc.assert(
				fc.property(name, (renamed) => {
					fc.pre(!original.paragraphs.some((p) => p.text.includes(renamed)));
					const swap = (t: string) => t.replaceAll(c.surname, renamed);
					const moved = {
						...original,
						paragraphs: original.paragraphs.map((p) => ({ ...p, text: swap(p.text) }))
					};
					const key = { ...c.key, expected: swap(String(c.key.expected)) };
					const after = c.answers.map((t) => verdict(swap(t), key, moved));
					expect(after).toEqual(before);
				}),
				{ numRuns: 25 }
			);
		});
	}
});
