/**
 * For the export specs that run over the whole bank: the real bank read from disk (server code, so
 * it lives here and not beside the export modules, which stay free of it).
 */
import type { BankQuestion } from '../bank/check';
import { exportArticles } from '../export/article';
import type { ExportInput } from '../export/types';
import { loadBank } from './bank';

/**
 * The real bank (./questions), every proven question of every article, as export input.
 * @param dir the bank folder
 */
export function bankInput(dir = 'questions'): ExportInput {
	const result = loadBank(dir);
	const questions: BankQuestion[] = result.articles.flatMap((a) => a.questions);
	return { questions, articles: exportArticles(result.articles) };
}
