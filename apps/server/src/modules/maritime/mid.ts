// Maritime identification digits (ITU-R M.585, ITU RR Appendix 43; the table of the ITU MARS
// database) and the kinds of station an MMSI names. Flag names come from the runtime's CLDR data
// (Intl.DisplayNames), so the table carries only ISO 3166 codes and the few MIDs that name a
// territory rather than a whole state.

/** "MID:ISO" pairs; a trailing `*` marks an entry with a territory name below. */
const MID_TABLE = `
201:AL 202:AD 203:AT 204:PT* 205:BE 206:BY 207:BG 208:VA 209:CY 210:CY 211:DE 212:CY 213:GE 214:MD
215:MT 216:AM 218:DE 219:DK 220:DK 224:ES 225:ES 226:FR 227:FR 228:FR 229:MT 230:FI 231:FO 232:GB
233:GB 234:GB 235:GB 236:GI 237:GR 238:HR 239:GR 240:GR 241:GR 242:MA 243:HU 244:NL 245:NL 246:NL
247:IT 248:MT 249:MT 250:IE 251:IS 252:LI 253:LU 254:MC 255:PT* 256:MT 257:NO 258:NO 259:NO 261:PL
262:ME 263:PT 264:RO 265:SE 266:SE 267:SK 268:SM 269:CH 270:CZ 271:TR 272:UA 273:RU 274:MK 275:LV
276:EE 277:LT 278:SI 279:RS
301:AI 303:US* 304:AG 305:AG 306:CW 307:AW 308:BS 309:BS 310:BM 311:BS 312:BZ 314:BB 316:CA 319:KY
321:CR 323:CU 325:DM 327:DO 329:GP 330:GD 331:GL 332:GT 334:HN 336:HT 338:US 339:JM 341:KN 343:LC
345:MX 347:MQ 348:MS 350:NI 351:PA 352:PA 353:PA 354:PA 355:PA 356:PA 357:PA 358:PR 359:SV 361:PM
362:TT 364:TC 366:US 367:US 368:US 369:US 370:PA 371:PA 372:PA 373:PA 374:PA 375:VC 376:VC 377:VC
378:VG 379:VI
401:AF 403:SA 405:BD 408:BH 410:BT 412:CN 413:CN 414:CN 416:TW 417:LK 419:IN 422:IR 423:AZ 425:IQ
428:IL 431:JP 432:JP 434:TM 436:KZ 437:UZ 438:JO 440:KR 441:KR 443:PS 445:KP 447:KW 450:LB 451:KG
453:MO 455:MV 457:MN 459:NP 461:OM 463:PK 466:QA 468:SY 470:AE 471:AE 472:TJ 473:YE 475:YE 477:HK
478:BA
501:TF* 503:AU 506:MM 508:BN 510:FM 511:PW 512:NZ 514:KH 515:KH 516:CX 518:CK 520:FJ 523:CC 525:ID
529:KI 531:LA 533:MY 536:MP 538:MH 540:NC 542:NU 544:NR 546:PF 548:PH 550:TL 553:PG 555:PN 557:SB
559:AS 561:WS 563:SG 564:SG 565:SG 566:SG 567:TH 570:TO 572:TV 574:VN 576:VU 577:VU 578:WF
601:ZA 603:AO 605:DZ 607:TF* 608:AC 609:BI 610:BJ 611:BW 612:CF 613:CM 615:CG 616:KM 617:CV 618:TF*
619:CI 620:KM 621:DJ 622:EG 624:ET 625:ER 626:GA 627:GH 629:GM 630:GW 631:GQ 632:GN 633:BF 634:KE
635:TF* 636:LR 637:LR 638:SS 642:LY 644:LS 645:MU 647:MG 649:ML 650:MZ 654:MR 655:MW 656:NE 657:NG
659:NA 660:RE 661:RW 662:SD 663:SN 664:SC 665:SH 666:SO 667:SL 668:ST 669:SZ 670:TD 671:TG 672:TN
674:TZ 675:UG 676:CD 677:TZ 678:ZM 679:ZW
701:AR 710:BR 720:BO 725:CL 730:CO 735:EC 740:FK 745:GF 750:GY 755:PY 760:PE 765:SR 770:UY 775:VE`;

/** MIDs allocated to a territory, named as the ITU table names them. */
const TERRITORIES: Readonly<Record<number, { readonly zh: string; readonly en: string }>> = {
  204: { zh: '亚速尔群岛（葡萄牙）', en: 'Azores (Portugal)' },
  255: { zh: '马德拉群岛（葡萄牙）', en: 'Madeira (Portugal)' },
  303: { zh: '阿拉斯加（美国）', en: 'Alaska (United States)' },
  501: { zh: '阿德利地（法国）', en: 'Adélie Land (France)' },
  607: { zh: '圣保罗岛和阿姆斯特丹岛（法国）', en: 'Saint Paul and Amsterdam Islands (France)' },
  618: { zh: '克罗泽群岛（法国）', en: 'Crozet Archipelago (France)' },
  635: { zh: '凯尔盖朗群岛（法国）', en: 'Kerguelen Islands (France)' },
};

/** Names that official Chinese usage writes differently from CLDR. */
const REGION_NAMES: Readonly<Record<string, { readonly zh: string; readonly en: string }>> = {
  TW: { zh: '中国台湾', en: 'Taiwan, China' },
};

export const MID_REGIONS: ReadonlyMap<number, string> = new Map(
  MID_TABLE.trim()
    .split(/\s+/)
    .map((pair) => {
      const [mid, code] = pair.replace('*', '').split(':');
      return [Number(mid), code!] as const;
    }),
);

export interface FlagState {
  readonly mid: number;
  /** ISO 3166-1 alpha-2 code of the state (or territory) the MID is allocated to. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
}

const zhNames = new Intl.DisplayNames(['zh-CN'], { type: 'region' });
const enNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function flagOfMid(mid: number): FlagState | null {
  const code = MID_REGIONS.get(mid);
  if (code === undefined) return null;
  const names = TERRITORIES[mid] ?? REGION_NAMES[code];
  return {
    mid,
    code,
    nameZh: names?.zh ?? zhNames.of(code) ?? code,
    nameEn: names?.en ?? enNames.of(code) ?? code,
  };
}

/**
 * Station kinds by MMSI format (ITU-R M.585-9 annex 1; the prefixes as Signal K's parseMmsi
 * reads them): 2-7 ship, 00+MID coast station, 0+MID group, 111+MID SAR aircraft, 98+MID craft
 * associated with a parent ship, 99+MID aid to navigation, 970 AIS-SART, 972 MOB, 974 EPIRB-AIS,
 * 8 handheld (diver's) radio.
 */
export const MMSI_KINDS = [
  'ship',
  'coastStation',
  'group',
  'sarAircraft',
  'auxiliaryCraft',
  'aton',
  'sart',
  'mob',
  'epirb',
  'handheld',
  'unknown',
] as const;
export type MmsiKind = (typeof MMSI_KINDS)[number];

export interface MmsiInfo {
  readonly kind: MmsiKind;
  /** The MID the number carries, when its format has one. */
  readonly mid: number | null;
}

export function parseMmsi(mmsi: number): MmsiInfo {
  if (!Number.isInteger(mmsi) || mmsi < 0 || mmsi > 999_999_999) return { kind: 'unknown', mid: null };
  const s = String(mmsi).padStart(9, '0');
  const mid = (from: number) => Number(s.slice(from, from + 3));
  if (s.startsWith('00')) return { kind: 'coastStation', mid: mid(2) };
  if (s.startsWith('0')) return { kind: 'group', mid: mid(1) };
  if (s.startsWith('111')) return { kind: 'sarAircraft', mid: mid(3) };
  if (s.startsWith('970')) return { kind: 'sart', mid: null };
  if (s.startsWith('972')) return { kind: 'mob', mid: null };
  if (s.startsWith('974')) return { kind: 'epirb', mid: null };
  if (s.startsWith('98')) return { kind: 'auxiliaryCraft', mid: mid(2) };
  if (s.startsWith('99')) return { kind: 'aton', mid: mid(2) };
  if (s.startsWith('8')) return { kind: 'handheld', mid: mid(1) };
  if (s[0]! >= '2' && s[0]! <= '7') return { kind: 'ship', mid: mid(0) };
  return { kind: 'unknown', mid: null };
}

/** The flag state of the MID in an MMSI, when it has one that is allocated. */
export function flagOfMmsi(mmsi: number): FlagState | null {
  const { mid } = parseMmsi(mmsi);
  return mid === null ? null : flagOfMid(mid);
}

export type MmsiProblem = 'unknownFormat' | 'unallocatedMid' | 'manufacturerId';

/**
 * Whether an MMSI is well formed (ITU-R M.585-9): the kinds that carry a MID must carry one
 * allocated in Appendix 43; AIS-SART, MOB and EPIRB-AIS numbers are 97Nxxyyyy with a
 * manufacturer id xx of 01-99 (annex 2 §1-3).
 */
export function validateMmsi(mmsi: number): MmsiInfo & { readonly problem: MmsiProblem | null } {
  const info = parseMmsi(mmsi);
  if (info.kind === 'unknown') return { ...info, problem: 'unknownFormat' };
  if (info.kind === 'sart' || info.kind === 'mob' || info.kind === 'epirb') {
    const manufacturer = Math.floor(mmsi / 10_000) % 100;
    return { ...info, problem: manufacturer === 0 ? 'manufacturerId' : null };
  }
  if (info.mid !== null && !MID_REGIONS.has(info.mid)) return { ...info, problem: 'unallocatedMid' };
  return { ...info, problem: null };
}
