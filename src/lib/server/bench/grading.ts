/**
 * Bench figures of the grader: short-answer gradings per second of CPU time on one core, the
 * key and context of each question prepared once, beside a plain exact string comparison of the
 * same inputs in the same run.
 */
import type { BankQuestion } from '../../bank/check';
import { gradeQuestion } from '../../grading/grade';
import type { GradeContext, StudentResponse } from '../../grading/types';
import { loadBank } from '../bank';
import { figure } from './measure';
import type { Suite } from './types';

/** Answers a class types: right, variants, near-misses and wrong ones. */
function answersFor(q: BankQuestion & { type: 'short' }): string[] {
	return [
		q.answer,
		`مدينة ${q.answer}`,
		`في ${q.answer}`,
		q.answer.replace(/ة/g, 'ه').replace(/[أإآ]/g, 'ا'),
		...q.accept,
		`${q.answer} أو طرابلس`,
		'طرابلس',
		'لا أعرف',
		`${q.answer} و ${q.answer.split(' ')[0]}`,
		'120 كم'
	];
}

/** Milliseconds of CPU this process has used (user and system), since `since` if given. */
function cpuMs(since?: NodeJS.CpuUsage): number {
	const u = process.cpuUsage(since);
	return (u.user + u.system) / 1000;
}

/**
 * Gradings per second of `grade` over the inputs, per second of CPU this process used: the best of
 * five rounds of 200 ms, after a second of warm-up. CPU time rather than wall time, so that other
 * work on a shared machine does not count as the grader's (the figure is "on one core").
 */
function rate(inputs: unknown[], grade: (i: number) => unknown): number {
	let sink = 0;
	const round = () => {
		let n = 0;
		const start = process.cpuUsage();
		let spent = 0;
		while (spent < 200) {
			for (let i = 0; i < inputs.length; i++) if (grade(i)) sink++;
			n += inputs.length;
			spent = cpuMs(start);
		}
		return (n * 1000) / spent;
	};
	// warm up: the grader's code paths get compiled by the JIT over the first second or so
	const warmUp = process.cpuUsage();
	while (cpuMs(warmUp) < 1000) round();
	let best = 0;
	for (let r = 0; r < 5; r++) best = Math.max(best, round());
	if (sink < 0) console.log(sink);
	return best;
}

export const gradingSuite: Suite = {
	name: 'grading',
	async run() {
		const bank = loadBank('questions');
		const pairs: {
			q: BankQuestion & { type: 'short' };
			r: StudentResponse;
			text: string;
			ctx: GradeContext;
		}[] = [];
		for (const article of bank.articles) {
			const ctx: GradeContext = { article };
			for (const q of article.questions) {
				if (q.type !== 'short') continue;
				for (const text of answersFor(q)) pairs.push({ q, r: { type: 'short', text }, text, ctx });
			}
		}
		if (pairs.length === 0) return [];
		const withText = rate(
			pairs,
			(i) => gradeQuestion(pairs[i].q, pairs[i].r, pairs[i].ctx).correct
		);
		const noText = rate(pairs, (i) => gradeQuestion(pairs[i].q, pairs[i].r).correct);
		const exact = rate(pairs, (i) => pairs[i].text === pairs[i].q.answer);
		const questions = new Set(pairs.map((p) => p.q.id)).size;
		return [
			figure(
				`short-answer gradings/s, one core, article as context (${pairs.length} answers to ${questions} questions)`,
				withText,
				'gradings/s',
				exact,
				'≥ 50000 /s'
			),
			figure('short-answer gradings/s, one core, without context', noText, 'gradings/s', exact, '')
		];
	}
};
