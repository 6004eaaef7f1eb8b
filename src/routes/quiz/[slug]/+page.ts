import type { PageLoad } from './$types';

// Runs on the server before rendering and in the browser before hydrating, so both render the same
// page with the same components: those that few visits need are loaded here, and only when the
// page shows them. The verdict shows after a practice check (a test never shows one before it is
// submitted), the countdown in timed tests, the notes for links gone wrong.
export const load: PageLoad = async ({ data }) => {
	const noted = data.notes.length > 0 || data.fewer !== null || data.filtersDropped || data.missing;
	const [feedback, countdown, notes] = await Promise.all([
		Object.keys(data.attempt?.feedback ?? {}).length > 0
			? import('$lib/components/question/Feedback.svelte')
			: undefined,
		data.attempt?.deadline ? import('$lib/components/quiz/Countdown.svelte') : undefined,
		noted ? import('$lib/components/quiz/QuizNotes.svelte') : undefined
	]);
	return {
		...data,
		Feedback: feedback?.default,
		Countdown: countdown?.default,
		Notes: notes?.default
	};
};
