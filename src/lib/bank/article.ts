/**
 * Reads an article file (questions/<slug>/article.md): YAML front matter, then paragraphs separated
 * by blank lines, numbered p1..pn in order.
 */
import { YAMLException } from 'js-yaml';
import { loadYaml } from './yaml';
import { articleMeta, type ArticleMeta } from './schema';
import type { Diagnostic, SourceFile } from './diagnostics';
import { zodDiagnostics } from './diagnostics';

export interface Paragraph {
	/** stable, visible id: p1, p2, … */
	id: string;
	/** 1-based number */
	n: number;
	/** the paragraph exactly as stored */
	text: string;
}

export interface Article extends ArticleMeta {
	slug: string;
	/** path of the article file, as given to the reader */
	file: string;
	paragraphs: Paragraph[];
}

/**
 * Splits an article body into paragraphs: blank lines separate them, line breaks inside one are
 * kept as they are.
 * @param body the text after the front matter
 */
export function splitParagraphs(body: string): string[] {
	return body
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((p) => p.replace(/^\n+|\n+$/g, ''))
		.filter((p) => p.trim() !== '');
}

/**
 * Parses an article file into its metadata and paragraphs, or diagnostics naming file and line.
 * @param slug the folder name
 * @param file the article file
 */
export function parseArticle(
	slug: string,
	file: SourceFile
): { article?: Article; diagnostics: Diagnostic[] } {
	const text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const fail = (message: string, line = 1, column = 1) => ({
		diagnostics: [
			{ severity: 'error' as const, kind: 'input' as const, file: file.path, line, column, message }
		]
	});
	const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
	if (!m) return fail('an article file starts with front matter between two --- lines');
	let raw: unknown;
	try {
		raw = loadYaml(m[1]);
	} catch (e) {
		if (e instanceof YAMLException) {
			return fail(`front matter: ${e.reason}`, (e.mark?.line ?? 0) + 2, (e.mark?.column ?? 0) + 1);
		}
		throw e;
	}
	const parsed = articleMeta.safeParse(raw);
	if (!parsed.success) {
		return {
			diagnostics: zodDiagnostics(parsed.error, file, (path) => frontMatterLine(m[1], path))
		};
	}
	const paragraphs = splitParagraphs(text.slice(m[0].length)).map((p, i) => ({
		id: `p${i + 1}`,
		n: i + 1,
		text: p
	}));
	if (paragraphs.length === 0) {
		return fail('the article has no paragraphs after its front matter');
	}
	const diagnostics: Diagnostic[] = [];
	for (const p of paragraphs) {
		if (p.text !== p.text.normalize('NFC')) {
			diagnostics.push({
				severity: 'warning',
				kind: 'input',
				file: file.path,
				line: lineOfParagraph(text, p.text),
				column: 1,
				message: `${p.id} is not in Unicode NFC: evidence offsets may be off`
			});
		}
	}
	return { article: { ...parsed.data, slug, file: file.path, paragraphs }, diagnostics };
}

/** Line of a front-matter key (the file's line 1 is the opening ---). */
function frontMatterLine(
	frontMatter: string,
	path: PropertyKey[]
): { line: number; column: number } {
	const key = String(path[0] ?? '');
	const lines = frontMatter.split('\n');
	const i = lines.findIndex((l) => l.startsWith(`${key}:`));
	return { line: i >= 0 ? i + 2 : 1, column: 1 };
}

function lineOfParagraph(text: string, paragraph: string): number {
	const at = text.indexOf(paragraph);
	return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
