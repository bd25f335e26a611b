// Leeway of search objects: speed a·U + b knots for a wind of U knots (10 m), applied downwind and
// at ± the divergence angle. Coefficients as DMA's EPD carries them (`LeewayValues.java`, labelled
// "SAR Danmark fig. 3-8"), with the 15-25 person raft rows as EPD's own table gives them (0.031 /
// 0.039), not as its code mistypes them (0.0031 / 0.0039).

export interface LeewayObject {
  readonly a: number;
  readonly b: number;
  /** Degrees either side of downwind. */
  readonly divergenceDeg: number;
  readonly zh: string;
  readonly en: string;
}

export const LEEWAY_OBJECTS = {
  personInWater: { a: 0.011, b: 0.068, divergenceDeg: 30, zh: '落水人员', en: 'Person in water' },
  raft4to6: {
    a: 0.029,
    b: 0.039,
    divergenceDeg: 20,
    zh: '4-6人救生筏（海锚不明）',
    en: 'Life raft, 4-6 persons, drogue unknown',
  },
  raft4to6Drogue: {
    a: 0.018,
    b: 0.027,
    divergenceDeg: 16,
    zh: '4-6人救生筏（带海锚）',
    en: 'Life raft, 4-6 persons, with drogue',
  },
  raft4to6NoDrogue: {
    a: 0.038,
    b: -0.041,
    divergenceDeg: 20,
    zh: '4-6人救生筏（无海锚）',
    en: 'Life raft, 4-6 persons, no drogue',
  },
  raft15to25: {
    a: 0.036,
    b: -0.086,
    divergenceDeg: 14,
    zh: '15-25人救生筏（海锚不明）',
    en: 'Life raft, 15-25 persons, drogue unknown',
  },
  raft15to25Drogue: {
    a: 0.031,
    b: -0.07,
    divergenceDeg: 12,
    zh: '15-25人救生筏（带海锚）',
    en: 'Life raft, 15-25 persons, with drogue',
  },
  raft15to25NoDrogue: {
    a: 0.039,
    b: -0.06,
    divergenceDeg: 12,
    zh: '15-25人救生筏（无海锚）',
    en: 'Life raft, 15-25 persons, no drogue',
  },
  dinghyFlatBottom: { a: 0.034, b: 0.04, divergenceDeg: 22, zh: '平底小艇', en: 'Dinghy, flat bottom' },
  dinghyKeel: { a: 0.03, b: 0.08, divergenceDeg: 15, zh: '龙骨小艇', en: 'Dinghy, with keel' },
  dinghyCapsized: { a: 0.017, b: 0, divergenceDeg: 15, zh: '倾覆小艇', en: 'Dinghy, capsized' },
  kayak: { a: 0.011, b: 0.24, divergenceDeg: 15, zh: '皮划艇', en: 'Kayak' },
  surfboard: { a: 0.02, b: 0, divergenceDeg: 15, zh: '冲浪板', en: 'Surfboard' },
  windsurfer: { a: 0.023, b: 0.1, divergenceDeg: 12, zh: '帆板', en: 'Windsurfer' },
  sailboatLongKeel: { a: 0.03, b: 0, divergenceDeg: 48, zh: '长龙骨帆船', en: 'Sailboat, long keel' },
  sailboatFinKeel: { a: 0.04, b: 0, divergenceDeg: 48, zh: '鳍龙骨帆船', en: 'Sailboat, fin keel' },
  motorboat: { a: 0.069, b: -0.08, divergenceDeg: 19, zh: '机动艇', en: 'Motorboat' },
  fishingVessel: { a: 0.042, b: 0, divergenceDeg: 48, zh: '渔船', en: 'Fishing vessel' },
  trawler: { a: 0.04, b: 0, divergenceDeg: 33, zh: '拖网渔船', en: 'Trawler' },
  coaster: { a: 0.028, b: 0, divergenceDeg: 48, zh: '沿海货船', en: 'Coaster' },
  wreckage: { a: 0.02, b: 0, divergenceDeg: 10, zh: '残骸', en: 'Wreckage' },
} as const satisfies Record<string, LeewayObject>;

export type SearchObjectType = keyof typeof LEEWAY_OBJECTS;
export const SEARCH_OBJECT_TYPES = Object.keys(LEEWAY_OBJECTS) as SearchObjectType[];

/** Knots; never negative (the negative intercepts of the fit mean no leeway in very light wind). */
export function leewaySpeedKn(object: SearchObjectType, windKn: number): number {
  const { a, b } = LEEWAY_OBJECTS[object];
  return Math.max(0, a * windKn + b);
}
