/**
 * Test fixtures for the study modules (used by the *.spec.ts files only): the tests' fixture
 * article, asked a fact in three forms (p2), a question with an evidence follow-up (p1) and a
 * lone question (p3); nothing is asked of p4.
 */
import { checkedFixture } from '../quiz/fixtures';
import { toStudySet, type StudySet } from './set';

const questions = `questions:
  - id: who-met
    type: truefalse
    paragraph: p1
    prompt: The mayor met an engineer.
    evidence: met the engineer Sara Haddad
    answer: true
    explanation: He met the engineer Sara Haddad.
    skill: who
    difficulty: 1
  - id: who-met-evidence
    type: evidence
    paragraph: p1
    prompt: Mark the words that say whom the mayor met.
    evidence: The mayor met the engineer Sara Haddad
    follows: who-met
    explanation: The engineer Sara Haddad.
    skill: who
    difficulty: 1
  - id: year-short
    type: short
    paragraph: p2
    prompt: In which year did the library open?
    evidence: The library opened in 1990
    answer: '1990'
    explanation: It opened in 1990.
    skill: when
    difficulty: 2
    fact: library-year
  - id: year-evidence
    type: evidence
    paragraph: p2
    prompt: Mark the words that say when the library opened.
    evidence: The library opened in 1990
    explanation: In 1990.
    skill: when
    difficulty: 3
    fact: library-year
  - id: year-choice
    type: single
    paragraph: p2
    prompt: When did the library open?
    evidence: The library opened in 1990
    answer: '1990'
    distractors: ['1980']
    explanation: In 1990.
    skill: when
    difficulty: 1
    fact: library-year
  - id: pier-first
    type: short
    paragraph: p3
    prompt: What was removed first?
    evidence: First the old pier was removed
    answer: the old pier
    explanation: The old pier.
    skill: what
    difficulty: 1
`;

/** The study set of the fixture article with the questions above. */
export const fixtureSet: StudySet = toStudySet(checkedFixture(questions));
