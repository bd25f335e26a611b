import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { WORKBOOK_MAX_BYTES } from './excel.routes.ts';
import { declaredUnpackedSize, WORKBOOK_MAX_UNPACKED, XLSX_MIME } from './excel.service.ts';
import { buildWorkbook, sheetRefs } from './excel.ts';
import { SHEET_NAME } from './excel-sheet.ts';
import { compileLayout } from './layout.ts';
import { monthlyPassengerForm, reportUrl, type StatsWorld, setUpStatsWorld } from './stats-test-kit.ts';

const compiled = compileLayout(monthlyPassengerForm().layout as never);
if (!compiled.ok) throw new Error(compiled.error);
/** Where each cell of the test form sits on its sheet, by key. */
const REF = sheetRefs(compiled.value);
const ref = (key: string) => REF.get(key)!;

/** A multipart/form-data body as a browser would send it. */
async function multipart(filename: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: XLSX_MIME }), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

/** Opens a downloaded workbook, lets `edit` type into its sheet as a user would, saves it. */
async function edited(bytes: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb.getWorksheet(SHEET_NAME)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function sheetOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet(SHEET_NAME)!;
}

/** The workbook with its first zip entry claiming `size` unpacked bytes (a zip bomb's shape). */
function claimingSize(bytes: Buffer, size: number): Buffer {
  const out = Buffer.from(bytes);
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  out.writeUInt32LE(size, out.readUInt32LE(eocd + 16) + 24);
  return out;
}

describe('declared unpacked size of an upload', () => {
  test('a workbook declares its size; other bytes are not a zip; nothing throws', async () => {
    const layout = compiled.value;
    const header = { formNo: 'x', name: 'x', issuingAuthority: '', approvingAuthority: '', approvalNo: '' };
    const bytes = await buildWorkbook(layout, {
      header: { ...header, validUntil: null, version: 1 },
      unitName: 'u',
      unitCode: 'u',
      periodId: '202610',
      periodLabel: '2026年10月',
      kind: 'template',
    });
    const size = declaredUnpackedSize(bytes)!;
    assert.ok(size > bytes.byteLength && size < WORKBOOK_MAX_UNPACKED, String(size));
    assert.ok(declaredUnpackedSize(claimingSize(bytes, 0x7fffffff))! > WORKBOOK_MAX_UNPACKED);
    assert.equal(declaredUnpackedSize(Buffer.from('not a zip at all')), null);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(bytes.byteLength), (noise, at) => {
        const flipped = Buffer.from(bytes);
        flipped.set(noise.subarray(0, Math.max(0, flipped.byteLength - at)), at);
        for (const input of [noise, Buffer.concat([bytes.subarray(0, at), noise]), flipped]) {
          const size = declaredUnpackedSize(input);
          assert.ok(size === null || size >= 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

for (const kind of DB_KINDS) {
  describe(`stats Excel download and upload on ${kind}`, () => {
    let t: TestApp;
    let w: StatsWorld;
    before(async () => {
      t = await startTestApp(kind);
      w = await setUpStatsWorld(t);
    });
    after(() => t.close());

    const download = (who: Session, url: string) =>
      t.app.inject({
        method: 'GET',
        url: `${url}/workbook`,
        headers: { authorization: `Bearer ${who.token}` },
      });
    const upload = (who: Session, url: string, bytes: Buffer, dryRun: boolean) =>
      t.app.inject({
        method: 'POST',
        url: `${url}/workbook?dryRun=${dryRun}`,
        headers: { authorization: `Bearer ${who.token}`, 'content-type': XLSX_MIME },
        payload: bytes,
      });
    const valuesOf = async (who: Session, url: string) => {
      const res = await t.as(who, 'GET', url);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().values as Record<string, string | null>;
    };
    const auditCount = async (action: string) =>
      (await t.handle.db.selectFrom('audit_event').select('seq').where('action', '=', action).execute())
        .length;

    test('round trip: download, fill in Excel, dry run, import, download again', async () => {
      const url = reportUrl(w, w.ids.xw, '202610');
      const template = await download(w.xwFiller, url);
      assert.equal(template.statusCode, 200, template.body);
      assert.equal(template.headers['content-type'], XLSX_MIME);
      const unitName = (await t.as(w.xwFiller, 'GET', url)).json().orgUnit.name as string;
      const filename = `测试统1表_${unitName}_2026年10月.xlsx`;
      assert.ok(
        String(template.headers['content-disposition']).endsWith(
          `filename*=UTF-8''${encodeURIComponent(filename)}`,
        ),
        String(template.headers['content-disposition']),
      );
      const sheet = await sheetOf(template.rawPayload);
      assert.equal(sheet.getCell('B2').value, '表号：测试统1表');
      assert.equal(sheet.getCell(ref('passengers.road')).value, null, 'a blank template');

      const filled = await edited(template.rawPayload, (ws) => {
        ws.getCell(ref('passengers.road')).value = 12.5;
        ws.getCell(ref('passengers.water')).value = 3.25;
        ws.getCell(ref('trips.road')).value = 40;
      });
      const dry = await upload(w.xwFiller, url, filled, true);
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().ok, true);
      assert.equal(dry.json().imported, 0);
      assert.deepEqual(
        dry
          .json()
          .changes.map((c: { ref: string; before: unknown; after: unknown }) => [c.ref, c.before, c.after]),
        [
          [ref('passengers.road'), null, 12.5],
          [ref('passengers.water'), null, 3.25],
          [ref('trips.road'), null, 40],
        ],
      );
      assert.deepEqual(await valuesOf(w.xwFiller, url), {}, 'a dry run writes nothing');
      assert.equal(await auditCount('stats.values.save'), 0);

      const { payload, contentType } = await multipart('玄武区10月.xlsx', filled);
      const real = await t.app.inject({
        method: 'POST',
        url: `${url}/workbook?dryRun=false`,
        headers: { authorization: `Bearer ${w.xwFiller.token}`, 'content-type': contentType },
        payload,
      });
      assert.equal(real.statusCode, 200, real.body);
      assert.equal(real.json().imported, 3);
      const view = (await t.as(w.xwFiller, 'GET', url)).json();
      assert.deepEqual(view.values, {
        'passengers.road': '12.5',
        'passengers.water': '3.25',
        'trips.road': '40',
      });
      assert.equal(view.computed['passengers.total'], '15.75');
      const history = (await t.as(w.xwFiller, 'GET', `${url}/cells/passengers.road/history`)).json();
      assert.deepEqual(
        history.items.map((h: { value: string; changedBy: string; source: string }) => [
          h.value,
          h.changedBy,
          h.source,
        ]),
        [['12.5', 'xw.filler', 'excel']],
        'an upload is recorded as coming from Excel',
      );
      assert.equal(await auditCount('stats.values.save'), 1, 'the same save path as online filling');
      const imported = await t.handle.db
        .selectFrom('audit_event')
        .select('after')
        .where('action', '=', 'stats.workbook.import')
        .executeTakeFirstOrThrow();
      assert.equal((imported.after as { filename: string }).filename, '玄武区10月.xlsx');

      const again = await download(w.xwFiller, url);
      const back = await sheetOf(again.rawPayload);
      assert.equal(back.getCell(ref('passengers.road')).value, 12.5);
      assert.equal(back.getCell(ref('passengers.water')).value, 3.25);
      assert.equal(back.getCell(ref('trips.road')).value, 40);
      assert.equal(back.getCell(ref('trips.water')).value, null);
      const same = await upload(w.xwFiller, url, again.rawPayload, true);
      assert.deepEqual(same.json().changes, [], 'the export reads back as what is stored');

      // Clearing a cell on the sheet clears it in the report.
      const cleared = await edited(again.rawPayload, (ws) => {
        ws.getCell(ref('trips.road')).value = null;
      });
      const clear = await upload(w.xwFiller, url, cleared, false);
      assert.equal(clear.statusCode, 200, clear.body);
      assert.equal((await valuesOf(w.xwFiller, url))['trips.road'], undefined);
    });

    test('a tampered sheet is refused cell by cell and nothing is written', async () => {
      const url = reportUrl(w, w.ids.xw, '202608');
      const template = (await download(w.xwFiller, url)).rawPayload;
      const tampered = await edited(template, (ws) => {
        ws.getCell(ref('passengers.road')).value = '十二';
        ws.getCell(ref('passengers.water')).value = 2;
        ws.getCell(ref('trips.road')).value = 2.5;
        ws.getCell(ref('passengers.total')).value = 99;
      });
      const dry = await upload(w.xwFiller, url, tampered, true);
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().ok, false);
      const errors = dry
        .json()
        .errors.map((e: { ref: string; code: string }) => [e.ref, e.code])
        .sort();
      assert.deepEqual(
        errors,
        [
          [ref('passengers.road'), 'invalidValue'],
          [ref('passengers.total'), 'computedCell'],
          [ref('trips.road'), 'invalidValue'],
        ].sort(),
      );
      const real = await upload(w.xwFiller, url, tampered, false);
      assert.equal(real.statusCode, 400, real.body);
      assert.equal(real.json().error.code, 'validation_failed');
      assert.equal(real.json().error.details.length, 3);
      assert.deepEqual(await valuesOf(w.xwFiller, url), {}, 'the valid cell was not written either');

      // 鼓楼区's own sheet uploaded to 玄武区's report.
      const glSheet = await edited(
        (await download(w.glFiller, reportUrl(w, w.ids.gl, '202608'))).rawPayload,
        (ws) => {
          ws.getCell(ref('passengers.road')).value = 1;
        },
      );
      const wrong = await upload(w.xwFiller, url, glSheet, false);
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.deepEqual(
        wrong.json().error.details.map((e: { code: string }) => e.code),
        ['wrongUnit'],
      );
      const notXlsx = await upload(w.xwFiller, url, Buffer.from('passengers,road\n1,2\n'), true);
      assert.equal(notXlsx.json().errors[0].code, 'unreadable');
      const bomb = await upload(w.xwFiller, url, claimingSize(template, 0x7fffffff), true);
      assert.equal(bomb.statusCode, 200, bomb.body);
      assert.match(bomb.json().errors[0].message, /过大/);
      const huge = await upload(w.xwFiller, url, Buffer.alloc(WORKBOOK_MAX_BYTES + 1), true);
      assert.equal(huge.statusCode, 413);
      assert.deepEqual(await valuesOf(w.xwFiller, url), {});
      assert.equal(
        await auditCount('stats.workbook.import'),
        2,
        'only the round trip imported (fill, clear)',
      );
    });

    test('an approved report refuses the upload, dry run included', async () => {
      const url = reportUrl(w, w.ids.xw, '202607');
      await t.as(w.xwFiller, 'PUT', `${url}/cells`, { cells: [{ key: 'passengers.road', value: '5' }] });
      const sheet = await edited((await download(w.xwFiller, url)).rawPayload, (ws) => {
        ws.getCell(ref('passengers.road')).value = 6;
      });
      assert.equal((await t.as(w.xwFiller, 'POST', `${url}/submit`, {})).json().state, 'submitted');
      assert.equal((await t.as(w.njReviewer, 'POST', `${url}/approve`)).json().state, 'approved');
      for (const dryRun of [true, false]) {
        const res = await upload(w.xwFiller, url, sheet, dryRun);
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.details.reason, 'locked');
      }
      assert.equal((await valuesOf(w.xwFiller, url))['passengers.road'], '5');
    });

    test('the aggregate downloads as its roll-up, every cell locked, and cannot be uploaded', async () => {
      const url = reportUrl(w, w.ids.nj, '202610');
      const res = await download(w.njReviewer, url);
      assert.equal(res.statusCode, 200, res.body);
      assert.match(decodeURIComponent(String(res.headers['content-disposition'])), /（汇总）\.xlsx$/);
      const ws = await sheetOf(res.rawPayload);
      assert.equal(ws.getCell(ref('passengers.road')).value, 12.5, "玄武区's figure rolled up");
      assert.equal(ws.getCell(ref('passengers.water')).value, 3.25);
      for (const key of REF.keys())
        assert.notEqual(ws.getCell(ref(key)).protection?.locked, false, `${key} is locked`);
      assert.ok(
        (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
        'the sheet is protected',
      );
      const back = await upload(w.njReviewer2, url, res.rawPayload, true);
      assert.equal(back.statusCode, 409, back.body);
    });

    test('a unit outside the jurisdiction is refused; a reader above does not fill', async () => {
      const url = reportUrl(w, w.ids.xw, '202610');
      assert.equal((await download(w.glFiller, url)).statusCode, 404);
      const own = (await download(w.xwFiller, url)).rawPayload;
      assert.equal((await upload(w.glFiller, url, own, true)).statusCode, 404);
      assert.equal((await upload(w.glFiller, url, own, false)).statusCode, 404);
      assert.equal((await download(w.njFiller, url)).statusCode, 200, 'the city reads the county report');
      assert.equal((await upload(w.njFiller, url, own, false)).statusCode, 403);
    });
  });
}
