/**
 * Reads an article file (questions/<slug>/article.md): YAML front matter, then paragraphs separated
 * by blank lines, numbered p1..pn in order.
 */
import { readYaml } from './yaml-source';
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
	// the front matter starts on the file's second line, after the opening ---
	const frontMatter = readYaml(m[1], 2);
	if (!frontMatter.ok) {
		return fail(`front matter: ${frontMatter.reason}`, frontMatter.line, frontMatter.column);
	}
	const parsed = articleMeta.safeParse(frontMatter.value);
	if (!parsed.success) {
		return {
			diagnostics: zodDiagnostics(
				parsed.error,
				file,
				frontMatter.locate,
				[],
				undefined,
				frontMatter.value
			)
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

function lineOfParagraph(text: string, paragraph: string): number {
	const at = text.indexOf(paragraph);
	return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
