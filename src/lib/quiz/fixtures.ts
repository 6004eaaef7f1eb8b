/**
 * The fixture article of the tests (spec files only): four short paragraphs in English, with a
 * question of every type for the quiz and server specs. The study and export specs ask their own
 * questions of the same article (`checkedFixture`). Built through the real bank check, so the
 * fixtures are what the app would load.
 */
import { checkBank, type LoadedArticle } from '../bank/check';

/** The fixture article's `article.md`. */
export const FIXTURE_ARTICLE_TEXT = `---
title: The harbour town
language: en
direction: ltr
source: Dalil test fixture
date: 2024-01-01
attribution: Written for the tests.
---

The mayor met the engineer Sara Haddad on Monday in the town of Zuwara, 120 km west of Tripoli.

The library opened in 1990 with 4000 books. Its first reader was a fisherman.

The new pier was built after the storm. First the old pier was removed, then the divers surveyed the bed, and finally the concrete was poured.

The ferry sails east to Sirte every Friday and returns on Sunday.
`;

const questions = `questions:
  - id: who-met
    type: single
    paragraph: p1
    prompt: Whom did the mayor meet?
    evidence: met the engineer Sara Haddad
    answer: Sara Haddad
    distractors: [Omar Nasser, Lina Haddad, Sami Aziz]
    explanation: The mayor met Sara Haddad.
    skill: who
    difficulty: 1
  - id: where-met
    type: short
    paragraph: p1
    prompt: In which town did they meet?
    evidence: in the town of Zuwara
    answer: Zuwara
    explanation: They met in Zuwara.
    skill: where
    difficulty: 1
    fact: meeting-place
  - id: where-met-choice
    type: single
    paragraph: p1
    prompt: Where did they meet? (choose)
    evidence: in the town of Zuwara
    answer: Zuwara
    distractors: [Tripoli, Sirte]
    explanation: They met in Zuwara.
    skill: where
    difficulty: 1
  - id: how-far
    type: numeric
    paragraph: p1
    prompt: How far from Tripoli is the town?
    evidence: 120 km west of Tripoli
    answer: { value: 120, unit: km }
    explanation: 120 km.
    skill: quantity
    difficulty: 2
  - id: direction
    type: truefalse
    paragraph: p1
    prompt: The town lies east of Tripoli.
    evidence: 120 km west of Tripoli
    answer: false
    correction: west
    explanation: West, not east.
    skill: direction
    difficulty: 2
  - id: library-facts
    type: multiple
    paragraph: p2
    prompt: What does the text say about the library?
    evidence: The library opened in 1990 with 4000 books.
    answer: [opened in 1990, 4000 books]
    distractors: [opened in 1980, 5000 books]
    explanation: 1990 and 4000 books.
    skill: what
    difficulty: 2
  - id: library-cloze
    type: cloze
    paragraph: p2
    prompt: Fill in the blanks.
    evidence: The library opened in 1990
    text: The library opened in [[1990]]
    explanation: It opened in 1990.
    skill: when
    difficulty: 1
  - id: first-reader
    type: evidence
    paragraph: p2
    prompt: Mark the words that say who the first reader was.
    evidence: Its first reader was a fisherman
    explanation: A fisherman.
    skill: who
    difficulty: 3
  - id: pier-order
    type: ordering
    paragraph: p3
    prompt: Put the works in order.
    evidence: First the old pier was removed, then the divers surveyed the bed, and finally the concrete was poured.
    items: [the old pier was removed, the divers surveyed the bed, the concrete was poured]
    explanation: Removed, surveyed, poured.
    skill: what
    difficulty: 2
  - id: ferry-days
    type: matching
    paragraph: p4
    prompt: Match each trip with its day.
    evidence: sails east to Sirte every Friday and returns on Sunday
    pairs:
      - { left: sails, right: Friday }
      - { left: returns, right: Sunday }
    distractors: [Monday]
    explanation: Friday out, Sunday back.
    skill: when
    difficulty: 2
  - id: ferry-where
    type: short
    paragraph: p4
    prompt: Where does the ferry sail to?
    evidence: sails east to Sirte
    answer: Sirte
    explanation: To Sirte.
    skill: where
    difficulty: 1
`;

/**
 * The fixture article with a bank of questions, checked. Throws if the fixture fails the check.
 * @param bank a `questions.yaml` asking about the fixture article
 */
export function checkedFixture(bank: string): LoadedArticle {
	return checkedFixtureVariant(bank, {});
}

/** The fixture article with its quiz questions (one of every type), checked. */
export function fixtureArticle(): LoadedArticle {
	return checkedFixture(questions);
}

/**
 * A variant of the fixture article, checked with a bank: the same text with some front-matter
 * fields replaced (the export specs give it an attribution holding the characters formats must
 * escape). Throws if the variant fails the check.
 * @param bank a `questions.yaml` asking about the fixture article
 * @param fields front-matter fields (title, attribution, …) and their new values
 */
export function checkedFixtureVariant(bank: string, fields: Record<string, string>): LoadedArticle {
	let text = FIXTURE_ARTICLE_TEXT;
	for (const [field, value] of Object.entries(fields)) {
		const line = new RegExp(`^${field}: .*$`, 'm');
		if (!line.test(text)) throw new Error(`the fixture article has no ${field}`);
		// a JSON string is a YAML double-quoted scalar: any character stands in it
		text = text.replace(line, () => `${field}: ${JSON.stringify(value)}`);
	}
	const result = checkBank([
		{
			slug: 'harbour-town',
			article: { path: 'fixture/article.md', text },
			banks: [{ path: 'fixture/questions.yaml', text: bank }]
		}
	]);
	const errors = result.diagnostics.filter((d) => d.severity === 'error');
	if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
	return result.articles[0];
}
