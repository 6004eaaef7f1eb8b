/**
 * The student view: the one function that turns a bank question into what the browser may see.
 * Every question sent to a page goes through `studentView`; it builds the view field by field (a
 * whitelist), so an answer key added to the bank later cannot slip through.
 */
import type { Paragraph } from '../bank/article';
import type { BankQuestion } from '../bank/check';
import { parseCloze } from '../bank/cloze';
import { showsTranslation } from '../bank/text-language';
import { seededRandom, shuffled } from './random';
import type { QuestionView } from './types';

/** The article fields a view needs. */
export interface ViewArticle {
	language: string;
	direction: 'rtl' | 'ltr';
	paragraphs: Paragraph[];
}

/**
 * The student view of a question: prompt, options in the variant's order, no answer key, no
 * evidence, no explanation. The option order depends on the seed and the question only, so a
 * question keeps its order in every quiz of the same seed.
 * @param q a bank question
 * @param seed the quiz seed
 * @param article the question's article
 */
export function studentView(q: BankQuestion, seed: string, article: ViewArticle): QuestionView {
	const random = seededRandom(`${seed}:${q.id}`);
	const base = {
		id: q.id,
		prompt: q.prompt,
		...(q.translation ? { translation: q.translation, translationLang: q.langs.translation } : {}),
		paragraphs: [...q.paragraph],
		skill: q.skill,
		difficulty: q.difficulty,
		lang: q.langs.text.lang,
		dir: q.langs.text.dir
	};
	switch (q.type) {
		case 'single':
			return {
				...base,
				type: q.type,
				options: shuffled([q.answer, ...q.distractors], random).map((o) => o.text)
			};
		case 'multiple':
			return {
				...base,
				type: q.type,
				options: shuffled([...q.answer, ...q.distractors], random).map((o) => o.text)
			};
		case 'truefalse':
		case 'short':
		case 'numeric':
			return { ...base, type: q.type };
		case 'cloze':
			return { ...base, type: q.type, segments: clozeSegments(q.text, q.paragraph, article) };
		case 'matching':
			return {
				...base,
				type: q.type,
				left: q.pairs.map((p) => p.left.text),
				right: shuffled([...q.pairs.map((p) => p.right), ...q.distractors], random).map(
					(o) => o.text
				)
			};
		case 'ordering':
			return {
				...base,
				type: q.type,
				items: scrambled(
					q.items.map((o) => o.text),
					random
				)
			};
		case 'evidence':
			return {
				...base,
				type: q.type,
				// the text rather than its words: a third of the bytes, the page cuts it itself
				passages: q.paragraph.map((id) => ({
					paragraph: id,
					text: article.paragraphs.find((p) => p.id === id)?.text ?? ''
				}))
			};
	}
}

/**
 * A view as a reader of an interface language is shown it: without the prompt's translation when
 * the question does not show it to them (an Arabic question's English translation, to a reader of
 * the Arabic interface), so a page does not send text it never shows.
 * @param view a student view
 * @param ui the interface language
 */
export function viewForReader(view: QuestionView, ui: string): QuestionView {
	const { translationLang } = view;
	if (!translationLang || showsTranslation(view, translationLang, ui)) return view;
	const seen = { ...view };
	delete seen.translation;
	delete seen.translationLang;
	return seen;
}

/** A shuffle that is not the right order (when there is another order to give). */
function scrambled(items: string[], random: () => number): string[] {
	for (let tries = 0; tries < 8; tries++) {
		const out = shuffled(items, random);
		if (out.some((x, i) => x !== items[i])) return out;
	}
	return [...items.slice(1), items[0]];
}

/**
 * The text of a cloze question cut at its blanks, inside its paragraph when the cloze text stands
 * there verbatim (so the blanks sit in the running text), else on its own.
 */
function clozeSegments(text: string, cited: string[], article: ViewArticle): string[] {
	const { plain, blanks } = parseCloze(text);
	const segments: string[] = [];
	let at = 0;
	for (const b of blanks) {
		segments.push(plain.slice(at, b.start));
		at = b.end;
	}
	segments.push(plain.slice(at));
	for (const id of cited) {
		const p = article.paragraphs.find((x) => x.id === id)?.text ?? '';
		const i = p.indexOf(plain);
		if (i >= 0) {
			segments[0] = p.slice(0, i) + segments[0];
			segments[segments.length - 1] += p.slice(i + plain.length);
			break;
		}
	}
	return segments;
}
