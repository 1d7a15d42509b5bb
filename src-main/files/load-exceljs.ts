// exceljs (with archiver, jszip and ~600 modules) loads on the first workbook a
// user reads or writes, not when a service module is imported: every CLI command
// and the app's start-up paid about a second for it (issue 12 §3).
import type ExcelJS from 'exceljs';

export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
