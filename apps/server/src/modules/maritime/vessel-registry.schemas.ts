import { type Static, Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { DateTimeString, Nullable } from '../../platform/http/schemas.ts';
import { FlagDto } from './maritime.schemas.ts';
import { MMSI_KINDS, type MmsiKind } from './mid.ts';
import { VESSEL_CATEGORIES, type VesselCategory } from './ship-types.ts';

const Localized = Type.Object({ zh: Type.String(), en: Type.String() });

export const MmsiKindSchema = Type.Unsafe<MmsiKind>(
  Type.String({ enum: [...MMSI_KINDS], description: 'station kind by MMSI format (ITU-R M.585)' }),
);

export const MmsiInfoDto = Type.Object({
  mmsi: Type.Integer(),
  valid: Type.Boolean({ description: 'a well-formed MMSI of a kind the registry accepts' }),
  kind: MmsiKindSchema,
  mid: Nullable(Type.Integer()),
  flag: Nullable(FlagDto),
  problem: Nullable(
    Type.String({ description: 'why it is not valid: unknownFormat, unallocatedMid, manufacturerId' }),
  ),
});
export type MmsiInfoDto = Static<typeof MmsiInfoDto>;

export const ContactParty = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 128 }),
    phone: Nullable(Type.String({ maxLength: 64 })),
    email: Nullable(Type.String({ maxLength: 254, format: 'email' })),
  },
  { additionalProperties: false },
);
export type ContactParty = Static<typeof ContactParty>;

export const VesselContacts = Type.Object(
  {
    owner: Nullable(ContactParty),
    operator: Nullable(ContactParty),
    emergency: Nullable(ContactParty),
  },
  { additionalProperties: false },
);
export type VesselContacts = Static<typeof VesselContacts>;

/** A registry entry without its contacts: what lists and maritime.read show. */
export const RegistryEntryDto = Type.Object({
  id: Type.Integer(),
  mmsi: Type.Integer(),
  mmsiKind: MmsiKindSchema,
  imo: Nullable(Type.Integer({ description: 'IMO ship identification number, 7 digits with check digit' })),
  callSign: Nullable(Type.String()),
  name: Type.String(),
  flag: Nullable(Type.String({ description: 'ISO 3166-1 alpha-2 flag state' })),
  flagName: Nullable(Localized),
  shipType: Nullable(Type.Integer({ description: 'AIS ship and cargo type code 0-99' })),
  shipTypeName: Localized,
  category: Type.Unsafe<VesselCategory>(Type.String({ enum: [...VESSEL_CATEGORIES] })),
  lengthM: Nullable(Type.Number()),
  grossTonnage: Nullable(Type.Number()),
  notes: Nullable(Type.String()),
  hasContacts: Type.Boolean({
    description: 'whether any contact is on file (read them with maritime.contacts.read)',
  }),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  createdAt: DateTimeString,
  updatedAt: DateTimeString,
});
export type RegistryEntryDto = Static<typeof RegistryEntryDto>;

export const RegistryContactsDto = Type.Object({
  id: Type.Integer(),
  mmsi: Type.Integer(),
  name: Type.String(),
  contacts: VesselContacts,
});
export type RegistryContactsDto = Static<typeof RegistryContactsDto>;

const FlagCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2; default: by MID' });

const editable = {
  imo: Type.Optional(Nullable(Type.Integer({ minimum: 1_000_000, maximum: 9_999_999 }))),
  callSign: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 16 }))),
  name: Type.String({ minLength: 1, maxLength: 128 }),
  flag: Type.Optional(Nullable(FlagCode)),
  shipType: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 99 }))),
  lengthM: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 600 }))),
  grossTonnage: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0 }))),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  orgUnitId: Type.Integer({ minimum: 1 }),
  contacts: Type.Optional(VesselContacts),
};

export const CreateRegistryBody = Type.Object(
  { mmsi: Type.Integer({ minimum: 0, maximum: 999_999_999 }), ...editable },
  { additionalProperties: false },
);
export type CreateRegistryBody = Static<typeof CreateRegistryBody>;

/** The MMSI is the entry's identity: a vessel given a new MMSI (re-flagged) gets a new entry. */
export const PatchRegistryBody = Type.Partial(Type.Object(editable, { additionalProperties: false }));
export type PatchRegistryBody = Static<typeof PatchRegistryBody>;

export const RegistryQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'name, call sign, MMSI or IMO' })),
  kind: Type.Optional(MmsiKindSchema),
  flag: Type.Optional(FlagCode),
});
export type RegistryQuery = Static<typeof RegistryQuery>;
