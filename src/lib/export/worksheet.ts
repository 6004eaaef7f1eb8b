import type { ExportInput, ExportResult } from './types';
export function toWorksheet(input: ExportInput): ExportResult {
	void input;
	throw new Error('todo');
}
