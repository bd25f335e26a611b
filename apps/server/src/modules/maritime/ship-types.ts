// AIS ship and cargo type codes (ITU-R M.1371-5 annex 8, table 53) with zh-CN and en names, and
// the categories the vessel list filters by.

const HAZARD = ['A', 'B', 'C', 'D'] as const;

export interface ShipTypeName {
  readonly zh: string;
  readonly en: string;
}

/** The second digit of 20-29, 40-49, 60-99: carrying dangerous goods of category X (MARPOL/IMDG). */
function withSecondDigit(base: ShipTypeName, digit: number): ShipTypeName {
  if (digit === 0) return base;
  if (digit >= 1 && digit <= 4) {
    const cat = HAZARD[digit - 1]!;
    return { zh: `${base.zh}（危险品类别 ${cat}）`, en: `${base.en}, hazardous category ${cat}` };
  }
  if (digit === 9) return { zh: `${base.zh}（无附加信息）`, en: `${base.en}, no additional information` };
  return { zh: `${base.zh}（保留）`, en: `${base.en}, reserved for future use` };
}

const SINGLE: Readonly<Record<number, ShipTypeName>> = {
  30: { zh: '渔船（捕捞作业）', en: 'Fishing' },
  31: { zh: '拖带作业', en: 'Towing' },
  32: {
    zh: '拖带作业（拖带长度超过200米或宽度超过25米）',
    en: 'Towing, length exceeds 200 m or breadth exceeds 25 m',
  },
  33: { zh: '疏浚或水下作业', en: 'Dredging or underwater operations' },
  34: { zh: '潜水作业', en: 'Diving operations' },
  35: { zh: '军事行动', en: 'Military operations' },
  36: { zh: '帆船', en: 'Sailing' },
  37: { zh: '游艇', en: 'Pleasure craft' },
  50: { zh: '引航船', en: 'Pilot vessel' },
  51: { zh: '搜救船', en: 'Search and rescue vessel' },
  52: { zh: '拖轮', en: 'Tug' },
  53: { zh: '港口供应船', en: 'Port tender' },
  54: { zh: '防污染设备船', en: 'Anti-pollution equipment' },
  55: { zh: '执法船', en: 'Law enforcement' },
  56: { zh: '备用（本地船舶）', en: 'Spare, local vessel' },
  57: { zh: '备用（本地船舶）', en: 'Spare, local vessel' },
  58: { zh: '医疗运输船', en: 'Medical transport' },
  59: { zh: '非战斗船舶（《无线电规则》第18号决议）', en: 'Noncombatant ship (RR Resolution No. 18)' },
};

const DECADES: Readonly<Record<number, ShipTypeName>> = {
  2: { zh: '地效翼船', en: 'Wing in ground' },
  4: { zh: '高速船', en: 'High speed craft' },
  6: { zh: '客船', en: 'Passenger' },
  7: { zh: '货船', en: 'Cargo' },
  8: { zh: '油船/液货船', en: 'Tanker' },
  9: { zh: '其他类型船舶', en: 'Other type' },
};

/** Name of a type code; 0 and codes outside 1-99 are "not available", 1-19 and 38-39 reserved. */
export function shipTypeName(code: number | null | undefined): ShipTypeName {
  if (code == null || !Number.isInteger(code) || code <= 0 || code > 99)
    return { zh: '未提供', en: 'Not available' };
  const single = SINGLE[code];
  if (single) return single;
  const decade = DECADES[Math.floor(code / 10)];
  if (decade) return withSecondDigit(decade, code % 10);
  return { zh: '保留', en: 'Reserved for future use' };
}

export const VESSEL_CATEGORIES = [
  'passenger',
  'cargo',
  'tanker',
  'fishing',
  'tug',
  'highSpeed',
  'sailing',
  'pleasure',
  'sar',
  'lawEnforcement',
  'military',
  'special',
  'wig',
  'other',
  'unknown',
  'sarAircraft',
  'aton',
  'baseStation',
  'distressBeacon',
] as const;

export type VesselCategory = (typeof VESSEL_CATEGORIES)[number];

/** Category by ship type code (station kinds that are not ships are placed by the caller). */
export function categoryOfShipType(code: number | null | undefined): VesselCategory {
  if (code == null || code <= 0 || code > 99) return 'unknown';
  if (code >= 20 && code <= 29) return 'wig';
  if (code >= 40 && code <= 49) return 'highSpeed';
  if (code >= 60 && code <= 69) return 'passenger';
  if (code >= 70 && code <= 79) return 'cargo';
  if (code >= 80 && code <= 89) return 'tanker';
  switch (code) {
    case 30:
      return 'fishing';
    case 31:
    case 32:
    case 52:
      return 'tug';
    case 35:
      return 'military';
    case 36:
      return 'sailing';
    case 37:
      return 'pleasure';
    case 51:
      return 'sar';
    case 55:
      return 'lawEnforcement';
    case 33:
    case 34:
    case 50:
    case 53:
    case 54:
    case 56:
    case 57:
    case 58:
    case 59:
      return 'special';
    default:
      return code >= 90 ? 'other' : 'unknown';
  }
}
