/**
 * The parts of a question that not every quiz needs: the controls of the less common types and the
 * verdict. The quiz page loads them in its universal load, before it renders (on the server) or
 * hydrates (in the browser), and only those its questions use, so a quiz without ordering
 * questions never downloads the drag-and-drop list. Single and multiple choice, true/false and
 * typed answers, in nearly every quiz, stay in Question.svelte itself.
 */
import type { QuestionType } from '$lib/bank/kinds';
import type ClozeControl from './ClozeControl.svelte';
import type EvidenceControl from './EvidenceControl.svelte';
import type Feedback from './Feedback.svelte';
import type MatchingControl from './MatchingControl.svelte';
import type OrderingControl from './OrderingControl.svelte';

/** Components for the rarer types and for the verdict, those that were asked for. */
export interface QuestionParts {
	cloze?: typeof ClozeControl;
	matching?: typeof MatchingControl;
	ordering?: typeof OrderingControl;
	evidence?: typeof EvidenceControl;
	Feedback?: typeof Feedback;
}

const loaders = {
	cloze: () => import('./ClozeControl.svelte'),
	matching: () => import('./MatchingControl.svelte'),
	ordering: () => import('./OrderingControl.svelte'),
	evidence: () => import('./EvidenceControl.svelte'),
	Feedback: () => import('./Feedback.svelte')
};

/**
 * Loads the parts a set of questions needs.
 * @param types the types of the questions shown
 * @param feedback whether a verdict is shown
 */
export async function loadParts(
	types: Iterable<QuestionType>,
	feedback: boolean
): Promise<QuestionParts> {
	const wanted = new Set<string>(types);
	if (feedback) wanted.add('Feedback');
	const keys = Object.keys(loaders) as (keyof typeof loaders)[];
	const loaded = await Promise.all(
		keys.filter((k) => wanted.has(k)).map(async (k) => [k, (await loaders[k]()).default])
	);
	return Object.fromEntries(loaded) as QuestionParts;
}
