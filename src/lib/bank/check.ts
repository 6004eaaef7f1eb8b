/**
 * The grounding check: loads articles and their banks and proves every question from the text.
 *
 * - each evidence quote stands in a cited paragraph (Unicode NFC and whitespace folding only);
 * - each answer key stands in its evidence under the Arabic-aware normalization grading uses;
 * - ids, paragraphs, follow-ups and cloze spans are consistent.
 *
 * Pure: it is given file texts and returns articles, questions and diagnostics. Reading the disk is
 * `src/lib/server/bank.ts`'s job.
 */
import { parseArticle, type Article, type Paragraph } from './article';
import { zodDiagnostics, type CheckCode, type Diagnostic, type SourceFile } from './diagnostics';
import {
	bankFile,
	parseCloze,
	question as questionSchema,
	QUESTION_TYPES,
	type Option,
	type Question
} from './schema';
import {
	analyze,
	analyzedSpan,
	analyzeWords,
	findPhrase,
	foldArabic,
	normalizeQuote,
	normalizeQuoteWithOffsets,
	type Analyzed,
	type AnalyzedWords
} from '../text/normalize';
import { findNumbers, unitOf } from '../text/units';
import { readYaml, type Locate } from './yaml-source';
import { coreFindings, exampleFindings } from './examples';
import { itemFindings } from './item-check';
import { questionLanguages, type QuestionLanguages } from './text-language';
import { strings } from '../i18n';
import { fmt } from '../quiz/format';

/** One article folder as read from disk. */
export interface ArticleSource {
	slug: string;
	article: SourceFile;
	banks: SourceFile[];
}

/** Where an evidence quote stands: paragraph and character offsets into its stored text. */
export interface EvidenceSpan {
	paragraph: string;
	start: number;
	end: number;
}

/** A question that passed the check, with what the app needs to show and grade it. */
export type BankQuestion = Question & {
	article: string;
	file: string;
	line: number;
	/** one span for each evidence quote, in order */
	spans: EvidenceSpan[];
	/** the language and direction of its text, explanation and translation (the article's, shared) */
	langs: QuestionLanguages;
};

/** A question left out of quizzes, with why. */
export interface FailedQuestion {
	id: string;
	article: string;
	file: string;
	line: number;
	type?: string;
	prompt?: string;
	errors: Diagnostic[];
}

export interface LoadedArticle extends Article {
	/** the languages of its questions' texts, shared by every question */
	langs: QuestionLanguages;
	/** the questions the check proved */
	questions: BankQuestion[];
	failed: FailedQuestion[];
}

export interface CheckResult {
	articles: LoadedArticle[];
	/** every error and warning, in file order */
	diagnostics: Diagnostic[];
}

/** The exit code the CLI gives for a result: 0 all holds, 1 a question fails, 2 unusable input. */
export function exitCode(result: CheckResult): 0 | 1 | 2 {
	const errors = result.diagnostics.filter((d) => d.severity === 'error');
	if (errors.some((d) => d.kind === 'input')) return 2;
	return errors.length > 0 ? 1 : 0;
}

/**
 * The result with every warning made an error (`dalil check --strict`, CI on our own bank).
 * @param result a check result
 */
export function strictResult(result: CheckResult): CheckResult {
	return {
		...result,
		diagnostics: result.diagnostics.map((d) =>
			d.severity === 'warning' ? { ...d, severity: 'error' } : d
		)
	};
}

interface PreparedParagraph {
	p: Paragraph;
	quote: { text: string; offsets: number[] };
	/** the quote text analyzed, knowing where each token comes from: a quote's is sliced from it */
	analyzed: AnalyzedWords;
	/** its words and their folded tokens, made when a quote is not found */
	words?: { word: string; tokens: string[] }[];
}

/**
 * Checks a whole bank.
 * @param sources the article folders
 */
export function checkBank(sources: ArticleSource[]): CheckResult {
	const diagnostics: Diagnostic[] = [];
	const articles: LoadedArticle[] = [];
	const seen = new Map<string, string>();
	for (const source of sources) {
		const { article, diagnostics: ad } = parseArticle(source.slug, source.article);
		diagnostics.push(...ad);
		if (!article) continue;
		const loaded: LoadedArticle = {
			...article,
			langs: questionLanguages(article),
			questions: [],
			failed: []
		};
		const prepared = article.paragraphs.map((p): PreparedParagraph => {
			const quote = normalizeQuoteWithOffsets(p.text);
			return { p, quote, analyzed: analyzeWords(quote.text) };
		});
		const ids = new Set<string>();
		const pending: { q: BankQuestion; errors: Diagnostic[]; locate: Locate; index: number }[] = [];
		for (const file of source.banks) {
			const fileResult = checkFile(file, loaded, prepared, seen, diagnostics);
			for (const entry of fileResult) {
				ids.add(entry.q.id);
				pending.push(entry);
			}
		}
		// a question that failed the schema is still a question of the article: its followers are
		// not blamed for its mistake (its own message says what is wrong)
		for (const f of loaded.failed) ids.add(f.id);
		itemWarnings(pending, article);
		// Follow-ups can point forward, so they are checked once the whole article is read.
		for (const entry of pending) {
			if (entry.q.follows && !ids.has(entry.q.follows)) {
				entry.errors.push(
					error(entry, ['follows'], { code: 'followsMissing', params: { id: entry.q.follows } })
				);
			}
			// a grounded key's grading is proven by its examples
			if (!entry.errors.some((d) => d.severity === 'error')) proveByExamples(entry, article);
			const own = entry.errors;
			if (own.some((d) => d.severity === 'error')) {
				loaded.failed.push({
					id: entry.q.id,
					article: article.slug,
					file: entry.q.file,
					line: entry.q.line,
					type: entry.q.type,
					prompt: entry.q.prompt,
					errors: own.filter((d) => d.severity === 'error')
				});
			} else loaded.questions.push(entry.q);
			diagnostics.push(...own);
		}
		articles.push(loaded);
	}
	return { articles, diagnostics };
}

/** The item-writing check's warnings, each on the question it names. */
function itemWarnings(pending: Entry[], article: Article) {
	const byId = new Map(pending.map((e) => [e.q.id, e]));
	for (const f of itemFindings(
		pending.map((e) => e.q),
		article.paragraphs
	)) {
		const entry = byId.get(f.questionId);
		if (!entry) continue;
		const d = error(entry, f.path, `[${f.rule}] ${f.message}`, 'warning', 'item');
		entry.errors.push({ ...d, rule: f.rule });
	}
}

/** Examples graded by the real grader; an evidence question's core inside its evidence. */
function proveByExamples(entry: Entry, article: Article) {
	for (const f of coreFindings(entry.q)) entry.errors.push(error(entry, f.path, f.message));
	for (const f of exampleFindings(entry.q, article)) {
		entry.errors.push(error(entry, f.path, f.message, 'error', 'examples'));
	}
}

/** A message of the check: a key of the string tables' `bankText.check` and its values. */
type Said = { code: CheckCode; params: Record<string, string | number> };

/** The check's messages in English, for the CLI and the log: the string table's, filled. */
const ENGLISH = strings('en').bankText.check;

/**
 * A diagnostic on a question. A message of `bankText.check` is given as its code and values
 * (pages say it in either language; the CLI in English, from the same string table); the few
 * that have no code (the examples', the item check's) as English text.
 */
function error(
	entry: { q: { id: string; file: string }; locate: Locate; index: number },
	path: PropertyKey[],
	said: Said | string,
	severity: 'error' | 'warning' = 'error',
	kind: Diagnostic['kind'] = 'grounding'
): Diagnostic {
	return {
		severity,
		kind,
		file: entry.q.file,
		...entry.locate(['questions', entry.index, ...path]),
		questionId: entry.q.id,
		...(typeof said === 'string'
			? { message: said }
			: { message: fmt(ENGLISH[said.code], said.params), ...said })
	};
}

function checkFile(
	file: SourceFile,
	article: LoadedArticle,
	paragraphs: PreparedParagraph[],
	seen: Map<string, string>,
	diagnostics: Diagnostic[]
) {
	const out: { q: BankQuestion; errors: Diagnostic[]; locate: Locate; index: number }[] = [];
	const yaml = readYaml(file.text);
	if (!yaml.ok) {
		diagnostics.push({
			severity: 'error',
			kind: 'input',
			file: file.path,
			line: yaml.line,
			column: yaml.column,
			message: `YAML: ${yaml.reason}`
		});
		return out;
	}
	const { value: raw, locate } = yaml;
	if (raw === undefined || raw === null) return out;
	const top = bankFile.safeParse(raw);
	if (!top.success) {
		diagnostics.push(...zodDiagnostics(top.error, file, locate));
		return out;
	}
	const starts = yaml.itemPositions(['questions']);
	top.data.questions.forEach((item, index) => {
		const rawId =
			item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string'
				? (item as { id: string }).id
				: undefined;
		const parsed = questionSchema.safeParse(item);
		const line = starts[index].line;
		if (!parsed.success) {
			const errors = zodDiagnostics(parsed.error, file, locate, ['questions', index], rawId, item);
			diagnostics.push(...errors);
			article.failed.push({
				id: rawId ?? `#${index + 1}`,
				article: article.slug,
				file: file.path,
				line,
				type:
					typeof (item as { type?: unknown })?.type === 'string'
						? (item as { type: string }).type
						: undefined,
				prompt:
					typeof (item as { prompt?: unknown })?.prompt === 'string'
						? (item as { prompt: string }).prompt
						: undefined,
				errors
			});
			return;
		}
		// zod's output is a fresh object: extended in place rather than copied (big banks)
		const q: BankQuestion = Object.assign(parsed.data, {
			article: article.slug,
			file: file.path,
			line,
			spans: [] as EvidenceSpan[],
			langs: article.langs
		});
		const entry = { q, errors: [] as Diagnostic[], locate, index };
		const where = seen.get(q.id);
		if (where) {
			entry.errors.push(error(entry, ['id'], { code: 'duplicateId', params: { id: q.id, where } }));
		} else seen.set(q.id, `${file.path}:${line}`);
		groundQuestion(entry, paragraphs);
		out.push(entry);
	});
	return out;
}

type Entry = { q: BankQuestion; errors: Diagnostic[]; locate: Locate; index: number };

function groundQuestion(entry: Entry, all: PreparedParagraph[]) {
	const q = entry.q;
	const cited: PreparedParagraph[] = [];
	for (const [i, id] of q.paragraph.entries()) {
		const p = all.find((x) => x.p.id === id);
		if (!p) {
			entry.errors.push(
				error(entry, ['paragraph', ...(q.paragraph.length > 1 ? [i] : [])], {
					code: 'unknownParagraph',
					params: { id, last: `p${all.length}` }
				})
			);
		} else cited.push(p);
	}
	if (cited.length === 0) return;
	// 1. Each evidence quote stands in a cited paragraph, verbatim.
	const evidence: Analyzed[] = [];
	q.evidence.forEach((quote, i) => {
		const needle = normalizeQuote(quote);
		let found: Analyzed | undefined;
		for (const p of cited) {
			const at = p.quote.text.indexOf(needle);
			if (at >= 0) {
				const start = p.quote.offsets[at];
				const end = p.quote.offsets[at + needle.length - 1] + 1;
				q.spans.push({ paragraph: p.p.id, start, end });
				// a quote is analyzed already, as part of its paragraph (unless it cuts a token)
				found = analyzedSpan(p.analyzed, at, needle.length) ?? analyze(quote);
				break;
			}
		}
		if (found) evidence.push(found);
		else {
			const near = nearestPassage(needle, cited);
			entry.errors.push(
				error(
					entry,
					['evidence', ...(q.evidence.length > 1 ? [i] : [])],
					notFound('quoteNotFound', q.paragraph, clip(needle), near)
				)
			);
		}
	});
	if (evidence.length !== q.evidence.length) return;

	// 2. Each answer key stands in its evidence, under the grading normalization.
	const stands = (a: Analyzed) =>
		a.tokens.length > 0 && evidence.some((e) => findPhrase(e, a) >= 0);
	const proven = (text: string) => stands(analyze(text));
	const requireOption = (o: Option, path: PropertyKey[]) => {
		const key = o.proof ?? o.text;
		if (!proven(key)) {
			// a paraphrase is proven by the words it stands for: without `proof`, the hint says so
			entry.errors.push(
				error(entry, [...path, ...(o.proof ? ['proof'] : [])], {
					code: o.proof ? 'keyNotInEvidence' : 'keyNotInEvidenceProof',
					params: { key }
				})
			);
		}
		keyHygiene(entry, o.text, path);
	};

	switch (q.type) {
		case 'single':
			requireOption(q.answer, ['answer']);
			distinctOptions(entry, [q.answer, ...q.distractors], 1);
			break;
		case 'multiple':
			q.answer.forEach((o, i) => requireOption(o, ['answer', i]));
			distinctOptions(entry, [...q.answer, ...q.distractors], q.answer.length);
			break;
		case 'truefalse':
			if (!q.answer && q.correction !== undefined && !proven(q.correction)) {
				entry.errors.push(
					error(entry, ['correction'], { code: 'keyNotInEvidence', params: { key: q.correction } })
				);
			}
			break;
		case 'short': {
			const key = analyze(q.answer);
			if (!stands(key)) {
				entry.errors.push(
					error(entry, ['answer'], { code: 'keyNotInEvidence', params: { key: q.answer } })
				);
			}
			keyHygiene(entry, q.answer, ['answer']);
			duplicates(entry, [q.answer, ...q.accept], ['accept']);
			q.accept.forEach((a, i) => keyHygiene(entry, a, ['accept', i]));
			ambiguity(entry, key, q.answer, all, cited);
			break;
		}
		case 'numeric': {
			const unit = q.answer.unit === undefined ? undefined : unitOf(q.answer.unit);
			if (q.answer.unit !== undefined && !unit) {
				entry.errors.push(
					error(entry, ['answer', 'unit'], { code: 'unknownUnit', params: { unit: q.answer.unit } })
				);
				break;
			}
			const ok = evidence.some((e) =>
				findNumbers(e).some((n) => n.value === q.answer.value && (!unit || n.unit === unit))
			);
			if (!ok) {
				entry.errors.push(
					error(entry, ['answer', 'value'], {
						code: 'valueNotInEvidence',
						params: { value: `${q.answer.value}${q.answer.unit ? ' ' + q.answer.unit : ''}` }
					})
				);
			}
			break;
		}
		case 'cloze': {
			const { plain, blanks } = parseCloze(q.text);
			const needle = normalizeQuote(plain);
			if (!cited.some((p) => p.quote.text.includes(needle))) {
				const near = nearestPassage(needle, cited);
				entry.errors.push(
					error(entry, ['text'], notFound('clozeNotFound', q.paragraph, clip(needle), near))
				);
			}
			blanks.forEach((b) => {
				keyHygiene(entry, b.answer, ['text']);
				duplicates(entry, [b.answer, ...b.accept], ['text']);
			});
			break;
		}
		case 'matching':
			q.pairs.forEach((pair, i) => {
				requireOption(pair.left, ['pairs', i, 'left']);
				requireOption(pair.right, ['pairs', i, 'right']);
			});
			break;
		case 'ordering':
			q.items.forEach((o, i) => requireOption(o, ['items', i]));
			break;
		case 'evidence':
			break;
	}
}

/** Choices must differ from each other once folded, or a student cannot tell them apart. */
function distinctOptions(entry: Entry, options: Option[], correct: number) {
	const keys = options.map((o) => foldArabic(o.text));
	keys.forEach((k, i) => {
		const first = keys.indexOf(k);
		if (first < i) {
			const bothCorrect = first < correct && i < correct;
			entry.errors.push(
				error(entry, i < correct ? ['answer'] : ['distractors', i - correct], {
					code: first < correct && !bothCorrect ? 'distractorIsKey' : 'optionTwice',
					params: { option: options[i].text }
				})
			);
		}
	});
}

function duplicates(entry: Entry, forms: string[], path: PropertyKey[]) {
	const keys = forms.map(foldArabic);
	keys.forEach((k, i) => {
		if (keys.indexOf(k) < i) {
			entry.errors.push(
				error(
					entry,
					path,
					{ code: 'duplicateAccept', params: { form: forms[i], first: forms[keys.indexOf(k)] } },
					'warning'
				)
			);
		}
	});
}

/** Keys are what students' answers are compared with: no markup, no stray spaces. */
function keyHygiene(entry: Entry, key: string, path: PropertyKey[]) {
	if (/<[a-z/][^>]*>|\*\*|__|`|&[a-z]+;/i.test(key)) {
		entry.errors.push(error(entry, path, { code: 'markupInKey', params: { key } }, 'warning'));
	} else if (key !== key.trim() || /\s{2,}/.test(key)) {
		entry.errors.push(error(entry, path, { code: 'straySpaces', params: { key } }, 'warning'));
	}
}

/** A free-text key that also stands in paragraphs the question does not cite may be ambiguous. */
function ambiguity(
	entry: Entry,
	k: Analyzed,
	key: string,
	all: PreparedParagraph[],
	cited: PreparedParagraph[]
) {
	const first = k.variants[0];
	const stem = first?.reduce((a, b) => (b.length < a.length ? b : a));
	const elsewhere = all.filter(
		(p) =>
			!cited.includes(p) &&
			stem !== undefined &&
			// A paragraph where the key's first word stands holds its shortest form (every form is
			// that stem with clitics before it): most paragraphs are ruled out by one substring test.
			p.analyzed.folded.includes(stem) &&
			findPhrase(p.analyzed, k) >= 0
	);
	if (elsewhere.length > 0) {
		entry.errors.push(
			error(
				entry,
				['answer'],
				{ code: 'ambiguous', params: { key, paragraphs: elsewhere.map((p) => p.p.id).join(', ') } },
				'warning'
			)
		);
	}
}

/** A quote or cloze text not found, for pages: with the nearest passage when there is one. */
function notFound(
	code: 'quoteNotFound' | 'clozeNotFound',
	paragraphs: string[],
	quote: string,
	near: { id: string; text: string } | undefined
): Said {
	const params = { paragraphs: paragraphs.join(', '), quote };
	return near
		? { code: `${code}Near`, params: { ...params, near: near.id, nearText: near.text } }
		: { code, params };
}

function clip(s: string, n = 80): string {
	return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/**
 * The passage of the cited paragraphs most like a quote that was not found, by shared words, so
 * the author sees what the text says there.
 */
function nearestPassage(
	needle: string,
	cited: PreparedParagraph[]
): { id: string; text: string } | undefined {
	const want = needle.split(' ');
	const wanted = analyze(needle).tokens;
	const wantSet = new Set(wanted);
	let best: { id: string; text: string; score: number } | undefined;
	for (const p of cited) {
		// each word's folded tokens, once a paragraph: a window's tokens are its words' tokens
		p.words ??= p.quote.text.split(' ').map((w) => {
			const f = foldArabic(w);
			return { word: w, tokens: f === '' ? [] : f.split(' ') };
		});
		const words = p.words;
		const n = Math.min(want.length, words.length);
		// shared[j]: shared tokens in the first j words
		const shared = [0];
		for (const w of words)
			shared.push(shared.at(-1)! + w.tokens.filter((t) => wantSet.has(t)).length);
		for (let i = 0; i + n <= words.length; i++) {
			let first: string | undefined;
			for (let j = i; j < i + n && first === undefined; j++) first = words[j].tokens[0];
			let last: string | undefined;
			for (let j = i + n - 1; j >= i && last === undefined; j--) last = words[j].tokens.at(-1);
			// shared words, and a little more for a window that starts and ends where the quote does
			const score =
				shared[i + n] -
				shared[i] +
				(first === wanted[0] ? 0.5 : 0) +
				(last === wanted.at(-1) ? 0.25 : 0);
			if (!best || score > best.score) {
				best = {
					id: p.p.id,
					text: words
						.slice(i, i + n)
						.map((w) => w.word)
						.join(' '),
					score
				};
			}
		}
	}
	return best && best.score > 0 ? { id: best.id, text: clip(best.text, 120) } : undefined;
}

/** A failed question as the teacher's pages list it: what it asks, and where and why it fails. */
export interface FailedView {
	id: string;
	/** unique on a page: article, id and line */
	key: string;
	prompt?: string;
	language: string;
	errors: ({ where: string } & Pick<Diagnostic, 'message' | 'code' | 'params' | 'rule'>)[];
}

/**
 * The questions of an article that failed the check, for the teacher's pages.
 * @param a a loaded article
 */
export function failedViews(a: LoadedArticle): FailedView[] {
	return a.failed.map((f) => ({
		id: f.id,
		key: `${a.slug} ${f.id} ${f.line}`,
		prompt: f.prompt,
		language: a.language,
		errors: f.errors.map((e) => ({
			where: `${e.file}:${e.line}:${e.column}`,
			message: e.message,
			...(e.code ? { code: e.code, params: e.params } : {}),
			...(e.rule ? { rule: e.rule } : {})
		}))
	}));
}

/**
 * Counts for the `--json` summary: the proven questions, by type and by paragraph.
 * @param a a checked article
 */
export function articleStats(a: LoadedArticle) {
	const byType = Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0]));
	const byParagraph = Object.fromEntries(a.paragraphs.map((p) => [p.id, 0]));
	for (const q of a.questions) {
		byType[q.type]++;
		for (const p of q.paragraph) byParagraph[p]++;
	}
	return {
		slug: a.slug,
		title: a.title,
		language: a.language,
		direction: a.direction,
		paragraphs: a.paragraphs.length,
		questions: a.questions.length,
		failed: a.failed.length,
		byType,
		byParagraph
	};
}
