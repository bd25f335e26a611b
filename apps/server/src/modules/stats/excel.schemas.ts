import { Type } from 'typebox';
import { Nullable } from '../../platform/http/schemas.ts';

export const WorkbookUploadQuery = Type.Object({
  dryRun: Type.Boolean({
    default: false,
    description: 'true: report the diff and every per-cell error without writing anything',
  }),
});

const SheetValue = Nullable(Type.Union([Type.Number(), Type.String()]));

export const WorkbookChange = Type.Object({
  cellKey: Type.String(),
  address: Type.String({ description: 'layout address, e.g. R01C02' }),
  ref: Type.String({ description: 'A1 reference on the sheet, e.g. F9' }),
  before: SheetValue,
  after: SheetValue,
});

export const WorkbookError = Type.Object({
  ref: Type.String({ description: "A1 reference on the sheet; '' for the file as a whole" }),
  cellKey: Nullable(Type.String()),
  address: Nullable(Type.String()),
  code: Type.String({ description: 'invalidValue, computedCell, wrongUnit, notATemplate, …' }),
  message: Type.String({ description: 'zh-CN' }),
});

export const WorkbookUploadResult = Type.Object({
  dryRun: Type.Boolean(),
  ok: Type.Boolean({ description: 'no error: the upload may be (or was) imported' }),
  imported: Type.Integer({ description: 'cells written; 0 on a dry run' }),
  changes: Type.Array(WorkbookChange),
  errors: Type.Array(WorkbookError),
});
