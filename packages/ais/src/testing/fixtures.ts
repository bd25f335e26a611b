// Golden sentences, named by message type. The first group is the reference's table
// (../shared/reference/protocols.md §4.5: checksums verified, values from GPSD
// sample.aivdm.js.chk and pyais); the second adds GPSD test/sample.aivdm sentences for the types
// and variants that table lacks, with the values gpsdecode 3.22 prints for them.

export interface Golden {
  readonly name: string;
  readonly lines: readonly string[];
}

export const REFERENCE_GOLDENS = {
  type1: ['!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A'],
  type5: [
    '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C',
    '!AIVDM,2,2,1,A,88888888880,2*25',
  ],
  type9: ['!AIVDM,1,1,,A,91b77=h3h00nHt0Q3r@@07000<0b,0*69'],
  type18: ['!AIVDM,1,1,,A,B52K>;h00Fc>jpUlNV@ikwpUoP06,0*4C'],
  type19: ['!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B'],
  type21: [
    '!AIVDM,2,1,5,B,E1mg=5J1T4W0h97aRh6ba84<h2d;W:Te=eLvH50```q,0*46',
    '!AIVDM,2,2,5,B,:D44QDlp0C1DU00,2*36',
  ],
  type24: [
    '!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D',
    '!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40',
  ],
  type1Pyais: ['!AIVDM,1,1,,B,15M67FC000G?ufbE`FepT@3n00Sa,0*5C'],
} as const satisfies Record<string, readonly string[]>;

export const SAMPLE_GOLDENS = {
  type1NotAvailable: ['!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42'],
  type1Of163Bits: ['!AIVDM,1,1,,A,13aIkM@P00PJ@qPNL=e@0?wJ28JO,5*63'],
  type2: ['!AIVDM,1,1,,B,25Cjtd0Oj;Jp7ilG7=UkKBoB0<06,0*60'],
  type3: ['!AIVDM,1,1,,A,38Id705000rRVJhE7cl9n;160000,0*40'],
  type4: ['!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0*4D'],
  type4NotAvailable: ['!AIVDM,1,1,,A,402Fha0000Htt<tSF0l4Q@000d20,0*65'],
  type6: ['!AIVDM,1,1,,B,6B?n;be:cbapalgc;i6?Ow4,2*4A'],
  type8: ['!AIVDM,1,1,,A,85Mwp`1Kf3aCnsNvBWLi=wQuNhA5t43N`5nCuI=p<IBfVqnMgPGs,0*47'],
  type8TwoSentences: [
    '!AIVDM,2,1,6,A,8>qc9wiKf>d=Cq5r0mdew:?DLq>1LmhHrsqmBCKnJ50,0*30',
    '!AIVDM,2,2,6,A,3OLc=UCRp,0*4A,b003660465',
  ],
  type9: ['!AIVDM,1,1,,B,91b55wi;hbOS@OdQAC062Ch2089h,0*30'],
  type11: [
    '!AIVDM,1,1,,B,;4R33:1uUK2F`q?mOt@@GoQ00000,0*5D,s28089,d-103,T39.44353985,x147521,r08TPHI1,1242958962',
  ],
  type18: ['!AIVDM,1,1,,B,B5O6hr00<veEKmUaMFdEow`UWP06,0*4F'],
  type27Of96Bits: ['!AIVDM,1,1,,A,KCQ9r=hrFUnH7P00,0*41'],
  type27Of168Bits: ['!AIVDM,1,1,,B,KC5E2b@U19PFdLbMuc5=ROv62<7m,0*16'],
  /** Two type 5 messages interleaved on channels B (seq 6) and A (seq 2). */
  type5Interleaved: [
    '!AIVDM,2,1,6,B,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht50000000000,0*3B',
    '!AIVDM,2,1,2,A,542M92h00001@<7;?G0PD4i@R0<tqA8tj37>220o0h:2240Ht500000000000000,0*3C',
    '!AIVDM,2,2,2,A,0000002,2*24',
    '!AIVDM,2,2,6,B,00000000000,2*21',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Every golden line, in order: a small real-world-like corpus. */
export const GOLDEN_LINES: readonly string[] = [
  ...Object.values(REFERENCE_GOLDENS).flat(),
  ...Object.values(SAMPLE_GOLDENS).flat(),
];
