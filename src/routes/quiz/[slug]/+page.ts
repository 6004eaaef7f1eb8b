import { loadParts } from '$lib/components/question/parts';
import type { PageLoad } from './$types';

// Runs on the server before rendering and in the browser before hydrating: the components this
// quiz needs and no others (see parts.ts) are loaded first, so both render the same page. The
// countdown is for timed tests only, the notes for links gone wrong only.
export const load: PageLoad = async ({ data }) => {
	const noted = data.notes.length > 0 || data.fewer !== null || data.filtersDropped || data.missing;
	const [parts, countdown, notes] = await Promise.all([
		loadParts(
			data.views.map((v) => v.type),
			Object.keys(data.attempt?.feedback ?? {}).length > 0
		),
		data.attempt?.deadline ? import('$lib/components/quiz/Countdown.svelte') : undefined,
		noted ? import('$lib/components/quiz/QuizNotes.svelte') : undefined
	]);
	return { ...data, parts, Countdown: countdown?.default, Notes: notes?.default };
};
