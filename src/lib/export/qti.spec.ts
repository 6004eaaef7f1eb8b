import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { xmlEscape } from './common';
import { zipFiles } from './index';
import { bankArticleInput, bankInput } from '../server/export.fixtures';
import { fixtureInput } from './fixtures';
import { itemHref, toQti } from './qti';
import type { ExportInput } from './types';

/** The official QTI 2.1 and IMS CP schemas, outside the project (see ../shared/schemas). */
const SCHEMAS = join(process.cwd(), '../shared/schemas/qti21');
// Needed, not optional: a clone without ../shared fails here, by name, rather than pass unchecked.
if (!existsSync(join(SCHEMAS, 'qtiv2p1/imsqti_v2p1.xsd'))) {
	throw new Error(
		`the QTI 2.1 schemas are missing: ${SCHEMAS} (put the project's shared/ folder beside the repository)`
	);
}

function schemaFiles(dir = SCHEMAS): XMLFileInfo[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return schemaFiles(p);
		return name.endsWith('.xsd')
			? [{ fileName: relative(SCHEMAS, p), contents: readFileSync(p, 'utf8') }]
			: [];
	});
}

async function validate(files: { name: string; text: string }[], schema: string) {
	const preload = schemaFiles();
	const result = await validateXML({
		xml: files.map((f) => ({ fileName: f.name.replaceAll('/', '_'), contents: f.text })),
		schema: preload.find((f) => f.fileName === schema)!,
		preload: preload.filter((f) => f.fileName !== schema),
		maxMemoryPages: 16 * 1024
	});
	return result;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

function unpack(input: ExportInput) {
	const result = toQti(input);
	const zip = unzipSync(zipFiles(result.files!));
	const files = Object.entries(zip).map(([name, data]) => ({ name, text: strFromU8(data) }));
	return { result, files };
}

function structure(input: ExportInput) {
	const { result, files } = unpack(input);
	const names = files.map((f) => f.name).sort();
	expect(names).toContain('imsmanifest.xml');
	for (const f of files) expect(XMLValidator.validate(f.text), f.name).toBe(true);
	const manifest = files.find((f) => f.name === 'imsmanifest.xml')!.text;
	// Canvas recognises QTI 2 by this namespace and builds quizzes from the test resource.
	expect(manifest).toContain('http://www.imsglobal.org/xsd/imsqti_v2p1');
	expect(manifest).toContain('type="imsqti_test_xmlv2p1"');
	// The manifest lists every file of the zip and nothing else.
	const listed = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]).sort();
	expect(listed).toEqual(names.filter((n) => n !== 'imsmanifest.xml'));
	// Identifiers: ASCII, unique across the package.
	const ids = files.flatMap((f) =>
		[...f.text.matchAll(/\bidentifier="([^"]+)"/g)].map((m) => `${f.name}#${m[1]}`)
	);
	for (const id of ids) expect(id.split('#')[1]).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
	const itemIds = files
		.filter((f) => f.name.startsWith('items/'))
		.map((f) => /<assessmentItem[^>]*\bidentifier="([^"]+)"/.exec(f.text)![1]);
	expect(new Set(itemIds).size).toBe(itemIds.length);
	expect(itemIds.length).toBe(result.report.exported.length);
	// No `dir` anywhere: QTI 2.1 has none; the language says the direction.
	for (const f of files) expect(f.text).not.toMatch(/\sdir="/);
	// Each correct response names an existing choice.
	for (const f of files.filter((f) => f.name.startsWith('items/'))) {
		const choices = new Set(
			[...f.text.matchAll(/<simple(?:Associable)?Choice identifier="([^"]+)"/g)].map((m) => m[1])
		);
		const item = parser.parse(f.text).assessmentItem;
		const decls = ([] as unknown[]).concat(item.responseDeclaration) as {
			'@baseType': string;
			correctResponse: { value: unknown };
		}[];
		for (const d of decls) {
			const values = ([] as unknown[]).concat(d.correctResponse.value).map(String);
			if (d['@baseType'] === 'identifier')
				for (const v of values) expect(choices, f.name).toContain(v);
			if (d['@baseType'] === 'directedPair') {
				for (const v of values)
					for (const side of v.split(' ')) expect(choices, f.name).toContain(side);
			}
		}
	}
	return { result, files };
}

// whole-bank reads and property runs take seconds, more on a loaded machine: no 5 s default
describe('QTI 2.1 package', { timeout: 60_000 }, () => {
	it('holds the fixture: manifest, test and one item per question, consistent', () => {
		const input = fixtureInput();
		const { result, files } = structure(input);
		expect(result.report.omitted).toEqual([]);
		expect(files.some((f) => f.name === itemHref('single-where'))).toBe(true);
		const test = files.find((f) => f.name === 'tests/assessmentTest.xml')!.text;
		expect(test).toContain(xmlEscape(input.article.attribution));
		const item = files.find((f) => f.name === itemHref('numeric-distance'))!.text;
		expect(item).toContain('tolerance="2.5 2.5"');
		expect(item).toContain('xml:lang="en"');
	});

	it('names an Arabic article’s language on each of its items', () => {
		const { files } = structure(bankArticleInput());
		const items = files.filter((f) => f.name.startsWith('items/'));
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.text, item.name).toContain('xml:lang="ar"');
	});

	it('holds the whole bank consistently', () => {
		structure(bankInput());
	});

	it('validates against the QTI 2.1 and IMS CP 1.1 schemas (fixture and bank)', async () => {
		for (const input of [fixtureInput(), bankInput()]) {
			const { files } = unpack(input);
			const qti = await validate(
				files.filter((f) => f.name !== 'imsmanifest.xml'),
				'qtiv2p1/imsqti_v2p1.xsd'
			);
			expect(qti.errors.map((e) => e.rawMessage)).toEqual([]);
			expect(qti.valid).toBe(true);
			const cp = await validate(
				files.filter((f) => f.name === 'imsmanifest.xml'),
				'imscp_v1p1.xsd'
			);
			expect(cp.errors.map((e) => e.rawMessage)).toEqual([]);
			expect(cp.valid).toBe(true);
		}
		// The validator does refuse what QTI 2.1 forbids: `dir` on the item body.
		const { files } = unpack(fixtureInput());
		const item = files.find((f) => f.name.startsWith('items/'))!;
		const bad = await validate(
			[{ name: item.name, text: item.text.replace('<itemBody>', '<itemBody dir="rtl">') }],
			'qtiv2p1/imsqti_v2p1.xsd'
		);
		expect(bad.valid).toBe(false);
	}, 60_000);
});
