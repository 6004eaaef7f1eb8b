/**
 * A one-sheet spreadsheet (.xlsx, Office Open XML) written by ExcelJS, for the formats whose
 * importer takes a workbook (Kahoot). Cells are written as values, never as formulas, so a cell
 * that begins with = + - @ is text in the workbook as it is in the bank.
 */
import ExcelJS from 'exceljs';

/** A cell's value: text, a number, or nothing. */
export type SheetCell = string | number | null;

/** One worksheet, row by row from A1. */
export interface Sheet {
	/** the tab's name (Excel allows 31 characters, none of : \ / ? * [ ]) */
	name: string;
	/** shown right to left (Excel's sheet view), for a sheet of Arabic text */
	rightToLeft: boolean;
	rows: SheetCell[][];
	/** column widths in characters, from column A */
	widths: number[];
	/** 1-based numbers of the rows shown bold (headers) */
	bold: number[];
}

/** A fixed date in the workbook's properties, so the same questions give the same properties. */
const WORKBOOK_DATE = new Date('2020-01-01T00:00:00Z');

/**
 * The .xlsx bytes of one sheet.
 * @param sheet the sheet
 */
export async function xlsxBytes(sheet: Sheet): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Dalil';
	book.created = WORKBOOK_DATE;
	book.modified = WORKBOOK_DATE;
	const ws = book.addWorksheet(sheet.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
		views: [{ rightToLeft: sheet.rightToLeft }]
	});
	ws.columns = sheet.widths.map((width) => ({ width }));
	for (const cells of sheet.rows) {
		const row = ws.addRow(cells.map((c) => c ?? undefined));
		row.alignment = { wrapText: true, vertical: 'top' };
	}
	for (const n of sheet.bold) ws.getRow(n).font = { bold: true };
	return new Uint8Array(await book.xlsx.writeBuffer());
}
