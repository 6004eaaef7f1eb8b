/** Building an export's report, so every exporter says the same things the same way. */
import type { BankQuestion } from '../bank/check';
import { en } from '../i18n/en';
import { fmt } from '../quiz/format';
import type { Converted, ExportReport, ReportMessage } from './types';

/** The English words of a message (the CLI's; pages say it in their own language). */
export function messageText(m: ReportMessage): string {
	return fmt(en.bankText.exportNotes[m.key], m.params);
}

/** A report being filled in while an exporter walks the questions. */
export class ReportBuilder {
	readonly report: ExportReport;

	/** @param format the format's name as the CLI spells it */
	constructor(format: string) {
		this.report = { format, exported: [], converted: [], omitted: [], notes: [], noteMessages: [] };
	}

	/** The question went out as it is. */
	ok(q: BankQuestion): void {
		this.report.exported.push(q.id);
	}

	/**
	 * The question went out in another shape; the teacher is told which and why.
	 * @param q the question
	 * @param as what it became (a key of the string tables' `bankText.exportAs`)
	 * @param key why (a key of `bankText.exportNotes`)
	 * @param params the values the message names
	 */
	converted(
		q: BankQuestion,
		as: Converted['asKey'],
		key: ReportMessage['key'],
		params: ReportMessage['params'] = {}
	): void {
		const message = { key, params };
		this.report.exported.push(q.id);
		this.report.converted.push({
			id: q.id,
			type: q.type,
			as: en.bankText.exportAs[as],
			asKey: as,
			note: messageText(message),
			message
		});
	}

	/**
	 * The question could not go out; the teacher is told why.
	 * @param q the question
	 * @param key why (a key of `bankText.exportNotes`)
	 * @param params the values the message names
	 */
	omitted(q: BankQuestion, key: ReportMessage['key'], params: ReportMessage['params'] = {}): void {
		const message = { key, params };
		this.report.omitted.push({ id: q.id, type: q.type, reason: messageText(message), message });
	}

	/**
	 * A note that is about the whole export (said once).
	 * @param key what (a key of `bankText.exportNotes`)
	 * @param params the values the message names
	 */
	note(key: ReportMessage['key'], params: ReportMessage['params'] = {}): void {
		const message = { key, params };
		const text = messageText(message);
		if (this.report.notes.includes(text)) return;
		this.report.notes.push(text);
		this.report.noteMessages.push(message);
	}
}

/**
 * The report as lines for standard error: one a conversion or omission, then the notes.
 * @param report an export's report
 */
export function formatReport(report: ExportReport): string[] {
	const lines = [
		`${report.format}: ${report.exported.length} exported, ${report.converted.length} converted, ${report.omitted.length} left out`
	];
	for (const c of report.converted)
		lines.push(`  converted ${c.id} (${c.type} → ${c.as}): ${c.note}`);
	for (const o of report.omitted) lines.push(`  left out ${o.id} (${o.type}): ${o.reason}`);
	for (const n of report.notes) lines.push(`  note: ${n}`);
	return lines;
}
