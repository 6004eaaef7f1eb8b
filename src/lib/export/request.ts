/**
 * An export asked for over HTTP: the format, worksheet options, and which questions (those
 * the filter in the query names, else the teacher's selection). Validated with zod, so a bad
 * query is a 400 that names the fields that are wrong.
 */
import { z } from 'zod';
import type { BankQuestion } from '../bank/check';
import { applyFilter, filterInput, filterSchema, invalidFields, isEmptyFilter } from './filter';
import { FORMAT_NAMES, type FormatName } from './index';
import { copiesSchema, seedSchema } from './options';
import type { ExportOptions } from './types';

const requestSchema = z.object({
	format: z.enum(FORMAT_NAMES as [FormatName, ...FormatName[]], {
		error: `format is one of ${FORMAT_NAMES.join(', ')}`
	}),
	seed: seedSchema.optional(),
	copies: copiesSchema.optional()
});

export type ExportRequest =
	| {
			ok: true;
			format: FormatName;
			options: ExportOptions;
			questions: BankQuestion[];
			/** where the questions came from */
			from: 'filter' | 'selection';
	  }
	/** the query's fields that cannot be used */
	| { ok: false; fields: string[] };

/**
 * Reads an export request.
 * @param params the query
 * @param questions the bank's proven questions, in bank order
 * @param selection the selected ids
 */
export function readExportRequest(
	params: URLSearchParams,
	questions: BankQuestion[],
	selection: string[]
): ExportRequest {
	const blank = (v: string | null) => (v === null || v.trim() === '' ? undefined : v);
	const head = requestSchema.safeParse({
		format: params.get('format') ?? undefined,
		seed: blank(params.get('seed')),
		copies: blank(params.get('copies'))
	});
	if (!head.success) return { ok: false, fields: invalidFields(head.error) };
	const filter = filterSchema.safeParse(filterInput(params));
	if (!filter.success) return { ok: false, fields: invalidFields(filter.error) };
	const { seed, copies } = head.data;
	const options: ExportOptions = { ...(seed ? { seed } : {}), ...(copies ? { copies } : {}) };
	if (!isEmptyFilter(filter.data)) {
		return {
			ok: true,
			format: head.data.format,
			options,
			questions: applyFilter(questions, filter.data),
			from: 'filter'
		};
	}
	const chosen = new Set(selection);
	return {
		ok: true,
		format: head.data.format,
		options,
		questions: questions.filter((q) => chosen.has(q.id)),
		from: 'selection'
	};
}
