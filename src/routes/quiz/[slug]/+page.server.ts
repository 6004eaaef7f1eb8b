import { checkQuiz, quizPage, saveQuiz, startQuiz, submitQuiz } from '$lib/server/quiz-posts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = quizPage;

export const actions: Actions = {
	start: startQuiz,
	save: saveQuiz,
	check: checkQuiz,
	submit: submitQuiz
};
