import { Type } from 'typebox';
import { DateTimeString } from '../http/schemas.ts';

export const FileIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const FileDto = Type.Object({
  id: Type.String({ format: 'uuid' }),
  filename: Type.String(),
  mime: Type.String({ description: 'detected from the content, not from the upload' }),
  size: Type.Integer(),
  sm3: Type.String({ description: 'SM3 digest of the content, hex' }),
  orgUnitId: Type.Integer(),
  ownerUserId: Type.Integer(),
  createdAt: DateTimeString,
});
