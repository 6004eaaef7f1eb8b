/**
 * The export specs' fixture: the tests' one fixture article (quiz/fixtures.ts) with an attribution
 * holding the characters formats must escape, asked one question of each type by the export specs'
 * own bank, with those characters (GIFT's ~ = # { } : \\, XML's < & ]]>, CSV's = + - @) in the
 * places the bank lets them stand. Arabic output (right to left, Arabic labels) is checked on the
 * bank's Arabic articles (server/export.fixtures.ts).
 */
import type { LoadedArticle } from '../bank/check';
import { checkedFixtureVariant } from '../quiz/fixtures';
import { exportArticle } from './article';
import type { ExportInput } from './types';

/** The fixture article's attribution in the export specs: text every format must escape. */
export const FIXTURE_ATTRIBUTION = 'Written for the tests; <b>&amp; ]]> = + @';

export const FIXTURE_QUESTIONS = `questions:
  - id: single-where
    type: single
    paragraph: p1
    prompt: "Where did the mayor meet the engineer? {a=b} #1 ~ \\\\ :"
    evidence: in the town of Zuwara
    answer: { text: Zuwara, feedback: "Right: Zuwara" }
    distractors: ["=1+2", "@home", "-5 km", "a{b}c:d#e~f\\\\g", "]]> <b>&amp;"]
    explanation: "They met in the town of Zuwara."
    skill: where
    difficulty: 1
    tags: [place, "a]b"]
  - id: multiple-who
    type: multiple
    paragraph: p1
    prompt: Who met on Monday?
    evidence: The mayor met the engineer Sara Haddad on Monday
    answer: [the mayor, Sara Haddad]
    distractors: [a fisherman, the divers]
    explanation: The mayor met Sara Haddad.
    skill: who
    difficulty: 2
    scoring: all-or-nothing
  - id: tf-false
    type: truefalse
    paragraph: p1
    prompt: The town lies east of Tripoli.
    evidence: 120 km west of Tripoli
    answer: false
    correction: west of Tripoli
    explanation: Zuwara is west of Tripoli.
    skill: direction
    difficulty: 1
  - id: tf-true
    type: truefalse
    paragraph: p2
    prompt: The library opened in 1990.
    evidence: The library opened in 1990
    answer: true
    explanation: As the second paragraph says.
    skill: when
    difficulty: 1
  - id: short-city
    type: short
    paragraph: p1
    prompt: In which town did they meet?
    evidence: in the town of Zuwara
    answer: Zuwara
    accept: [زوارة]
    explanation: Zuwara.
    skill: where
    difficulty: 1
  - id: numeric-distance
    type: numeric
    paragraph: p1
    prompt: How many kilometres from Tripoli is the town?
    evidence: 120 km west of Tripoli
    answer: { value: 120, unit: km, tolerance: 2.5 }
    explanation: 120 km.
    skill: quantity
    difficulty: 2
  - id: cloze-one
    type: cloze
    paragraph: p1
    prompt: Fill in the blank.
    evidence: in the town of Zuwara, 120 km west of Tripoli
    text: in the town of [[Zuwara|زوارة]], 120 km west of Tripoli
    explanation: Zuwara.
    skill: where
    difficulty: 1
  - id: cloze-two
    type: cloze
    paragraph: p1
    prompt: Fill in the blanks.
    evidence: in the town of Zuwara, 120 km west of Tripoli
    text: in the town of [[Zuwara]], [[120]] km [[west]] of Tripoli
    explanation: Zuwara, 120, west.
    skill: where
    difficulty: 2
  - id: matching-roles
    type: matching
    paragraph: p1
    prompt: Match each part of the sentence with what the text says.
    evidence: The mayor met the engineer Sara Haddad on Monday in the town of Zuwara, 120 km west of Tripoli.
    pairs:
      - { left: Sara Haddad, right: the engineer }
      - { left: Zuwara, right: the town }
      - { left: The mayor met, right: Monday }
    distractors: [Friday]
    explanation: As the first paragraph says.
    skill: who
    difficulty: 2
  - id: ordering-steps
    type: ordering
    paragraph: p3
    prompt: Put the works in the order of the text.
    evidence: First the old pier was removed, then the divers surveyed the bed, and finally the concrete was poured.
    items: [the old pier was removed, the divers surveyed the bed, the concrete was poured]
    explanation: In this order.
    skill: what
    difficulty: 3
  - id: evidence-where
    type: evidence
    paragraph: p2
    prompt: Where does the text say who the first reader was?
    evidence: Its first reader was a fisherman
    explanation: The sentence names the first reader.
    skill: who
    difficulty: 2
`;

/** The fixture, checked: one question of each type (two cloze, two true/false). */
export function fixtureInput(): ExportInput & { article: LoadedArticle } {
	const article = checkedFixtureVariant(FIXTURE_QUESTIONS, { attribution: FIXTURE_ATTRIBUTION });
	return {
		article,
		questions: article.questions,
		articles: new Map([[article.slug, exportArticle(article)]])
	};
}

/** The plain text of an HTML fragment as Moodle shows it (for the GIFT and Moodle XML specs). */
export function plain(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
}
