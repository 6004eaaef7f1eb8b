import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldArabic } from '../text/normalize';
import { DRAFT_RULES, draftArticle, type Draft } from './index';
import { askedKeys, sameFact } from './draft';
import { check } from './prove';
import { draftQuestion } from './yaml';

const read = (slug: string) => readFileSync(`questions/${slug}/article.md`, 'utf8');
const ARTICLES = ['sarraj-africom-zuwara', 'harbour-library', 'amzar-flamingos'];
const drafted = new Map(ARTICLES.map((slug) => [slug, draftArticle(slug, read(slug))]));

type Q = Record<string, unknown>;
const keys = askedKeys;

/** Whether some draft asks `key` where its evidence, prompt or cloze text holds `near`. */
function asks(drafts: Draft[], key: string, near: string): boolean {
	const f = (s: string) => foldArabic(s);
	return drafts.some((d) => {
		const q = d.question as Q;
		const where = [q.prompt, q.text, ...[q.evidence].flat()]
			.filter((x) => typeof x === 'string')
			.join(' ');
		return keys(d).some((k) => f(k).includes(f(key))) && f(where).includes(f(near));
	});
}

describe('dalil draft', () => {
	it.each(ARTICLES)('drafts %s with every draft passing `dalil check --strict`', (slug) => {
		const drafts = drafted.get(slug)!;
		expect(drafts.length).toBeGreaterThanOrEqual(15);
		// the real checker, strictly: grounding, examples graded, the item-writing check
		expect(check(slug, read(slug), drafts).map((d) => `${d.questionId}: ${d.message}`)).toEqual([]);
		for (const d of drafts) {
			expect(DRAFT_RULES).toContain(d.rule);
			expect(draftQuestion(d).tags).toContain(d.rule);
		}
	});

	it.each(ARTICLES)('gives two drafts of %s that ask the same fact a shared fact', (slug) => {
		// the same fact: the same skill, the same keys, proven by overlapping passages
		const drafts = drafted.get(slug)!;
		const unshared: string[] = [];
		for (const [i, a] of drafts.entries()) {
			for (const b of drafts.slice(i + 1)) {
				if (sameFact(a, b) && a.fact !== b.fact) unshared.push(`${a.question.id} ${b.question.id}`);
			}
		}
		expect(unshared).toEqual([]);
	});

	it('asks the central facts of the seed article', () => {
		const drafts = drafted.get('sarraj-africom-zuwara')!;
		const central: [string, string, string][] = [
			['who met whom: Townsend', 'تاونسند', 'فائز السراج'],
			['who met whom: Norland', 'نورلاند', 'فائز السراج'],
			['where they met', 'زوارة', 'الاجتماع'],
			['120 km', '120', 'زوارة'],
			['west of Tripoli', 'غرب', 'زوارة'],
			['the Jufra base', 'الجفرة', 'قاعدتي'],
			['the Sirte base', 'سرت', 'قاعدتي'],
			['who holds the bases', 'حفتر', 'قاعدتي'],
			['450 km', '450', 'سرت'],
			['east of Tripoli', 'شرق', 'سرت'],
			['the month the aircraft came', 'مايو', 'نقلها'],
			['the summit', 'برلين', 'قمة'],
			['who said: the GNA media office', 'المكتب الإعلامي', 'في إطار التشاور'],
			['who said: the embassy', 'السفارة', 'في سياق تصاعد'],
			['who said: Townsend', 'تاونسند', 'أكدنا'],
			['who said: Norland', 'نورلاند', 'العنف الحالي'],
			['who said: Norland, added', 'نورلاند', 'الجهات الخارجية']
		];
		const missing = central
			.filter(([, key, near]) => !asks(drafts, key, near))
			.map(([what]) => what);
		expect(missing).toEqual([]);
	});

	it('asks the central facts of the English article', () => {
		const drafts = drafted.get('harbour-library')!;
		const central: [string, string, string][] = [
			['the month it reopened', 'March', 'reopened'],
			['the town of 3,200 people', '3,200', 'fishing town'],
			['35 km', '35', 'Elderford'],
			['north of Elderford', 'north', 'Elderford'],
			['the head librarian', 'Maren Holt', 'head librarian'],
			['the mayor', 'Tomas Reyes', 'mayor'],
			['the oldest reader', 'Edith Crane', 'oldest reader'],
			['the cost', '410,000', 'repairs'],
			['the rowers', 'Saltmarsh Rowing Club', 'raised'],
			['the rowed distance', '60', 'rowed'],
			['who said: Holt', 'Maren Holt', 'We lost'],
			['who said: Reyes', 'Tomas Reyes', 'Next time'],
			['who said: Crane', 'Edith Crane', 'I borrowed']
		];
		const missing = central
			.filter(([, key, near]) => !asks(drafts, key, near))
			.map(([what]) => what);
		expect(missing).toEqual([]);
	});

	it('orders dated events by their dates, never by the order they are mentioned in', () => {
		const items = (slug: string) => {
			const d = drafted.get(slug)!.find((x) => x.rule === 'ordering');
			return ((d?.question as Q | undefined)?.items ?? []) as string[];
		};
		// April of last year (p11), late May (p10), early this month (p11)
		const seed = items('sarraj-africom-zuwara');
		expect(
			seed.map((t) => ['طرابلس', 'الطائرات', 'غرب ليبيا'].findIndex((w) => t.includes(w)))
		).toEqual([0, 1, 2]);
		// 1941 is told last (p5), the reopening first (p1)
		const harbour = items('harbour-library');
		expect(harbour[0]).toMatch(/borrowed my first book/);
		expect(harbour.at(-1)).toMatch(/reopened/);
	});

	it('gives every false statement its correction, and never swaps a fact for itself', () => {
		for (const slug of ARTICLES) {
			for (const d of drafted.get(slug)!.filter((x) => x.question.type === 'truefalse')) {
				const q = d.question as Q;
				if (q.answer) continue;
				expect(q.correction, d.question.id).toBeTruthy();
				expect(foldArabic(q.prompt as string)).not.toContain(foldArabic(q.correction as string));
			}
		}
	});

	it('keeps to the types and the number asked for', () => {
		const slug = 'sarraj-africom-zuwara';
		const drafts = draftArticle(slug, read(slug), { types: ['numeric', 'single'], max: 5 });
		expect(drafts.length).toBe(5);
		expect(new Set(drafts.map((d) => d.question.type))).toEqual(new Set(['numeric', 'single']));
	});
});
