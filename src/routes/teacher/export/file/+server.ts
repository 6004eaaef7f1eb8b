import { Buffer } from 'node:buffer';
import { error } from '@sveltejs/kit';
import { FORMATS, toBytes } from '$lib/export/index';
import { strings } from '$lib/i18n';
import { exportForRequest } from '$lib/server/export';
import type { RequestHandler } from './$types';

/**
 * The exported file. The worksheet opens in the browser (to print or save as PDF) unless
 * `download=1`; every other format downloads.
 */
export const GET: RequestHandler = async ({ url, cookies, locals }) => {
	const { req, result } = exportForRequest(url, cookies, locals.locale);
	if (req.questions.length === 0) {
		const t = strings(locals.locale);
		error(400, req.from === 'filter' ? t.noMatch : t.nothingSelected);
	}
	const format = FORMATS[req.format];
	const slugs = [...new Set(req.questions.map((q) => q.article))];
	const name = `dalil-${slugs.length === 1 ? slugs[0] : 'questions'}.${format.extension}`;
	const inline = req.format === 'html' && url.searchParams.get('download') !== '1';
	return new Response(Buffer.from(await toBytes(result)), {
		headers: {
			'content-type': format.mime,
			'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
			'x-dalil-exported': String(result.report.exported.length),
			'x-dalil-omitted': String(result.report.omitted.length),
			'cache-control': 'no-store'
		}
	});
};
