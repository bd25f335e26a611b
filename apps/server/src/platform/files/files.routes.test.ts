import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DB_KINDS } from '../../../test/databases.ts';
import { type Session, startTestApp, type TestApp } from '../../../test/harness.ts';
import { DiskFileStore } from './file-store.ts';
import { exeHeader, minimalPdf, png1x1, xlsx } from './sniff.fixtures.ts';

const MAX_BYTES = 4096;

/** A multipart/form-data body as a browser would send it. */
async function multipart(filename: string, bytes: Uint8Array, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

for (const kind of DB_KINDS) {
  describe(`file routes on ${kind}`, () => {
    let t: TestApp;
    let dir: string;
    let nj: Session;
    let xw: Session;
    let gl: Session;
    let njAdmin: Session;
    let auditor: Session;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'jtgov-files-'));
      t = await startTestApp(kind, { JTGOV_FILES_DIR: dir, JTGOV_FILE_MAX_BYTES: String(MAX_BYTES) });
      await t.createUser('nj.clerk', '320100', ['staff']);
      await t.createUser('xw.clerk', '320102', ['staff']);
      await t.createUser('gl.clerk', '320104', ['staff']);
      await t.createUser('nj.admin', '320100', ['orgAdmin']);
      await t.createUser('nj.auditor', '320100', ['auditAdmin']);
      [nj, xw, gl, njAdmin, auditor] = await Promise.all([
        t.login('nj.clerk'),
        t.login('xw.clerk'),
        t.login('gl.clerk'),
        t.login('nj.admin'),
        t.login('nj.auditor'),
      ]);
    });
    after(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const upload = async (session: Session, filename: string, bytes: Uint8Array, type?: string) => {
      const { payload, contentType } = await multipart(filename, bytes, type);
      return t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': contentType },
        payload,
      });
    };

    test('a PNG goes up and comes back byte for byte, with its SM3 and a safe download', async () => {
      const png = png1x1();
      const res = await upload(xw, '玄武区 现场照片.png', png, 'application/x-msdownload');
      assert.equal(res.statusCode, 201);
      const file = res.json();
      assert.equal(file.mime, 'image/png', 'the content decides, not the client');
      assert.equal(file.size, png.length);
      assert.equal(file.sm3, createHash('sm3').update(png).digest('hex'));
      assert.equal(file.filename, '玄武区 现场照片.png');

      const stored = new DiskFileStore(dir).pathOf(file.id);
      assert.ok(stored.startsWith(join(dir, file.id.slice(0, 2), file.id.slice(2, 4))));
      assert.deepEqual(readFileSync(stored), png);
      assert.deepEqual(readdirSync(join(dir, 'tmp')), [], 'no staged file is left behind');

      const meta = await t.as(xw, 'GET', `/api/files/${file.id}`);
      assert.deepEqual(meta.json(), file);
      const download = await t.as(xw, 'GET', `/api/files/${file.id}/content`);
      assert.equal(download.statusCode, 200);
      assert.deepEqual(download.rawPayload, png);
      assert.equal(download.headers['content-type'], 'image/png');
      assert.equal(download.headers['x-content-type-options'], 'nosniff');
      assert.equal(
        download.headers['content-disposition'],
        `attachment; filename="___ ____.png"; filename*=UTF-8''${encodeURIComponent('玄武区 现场照片.png')}`,
      );

      const audit = await t.handle.db
        .selectFrom('audit_event')
        .select(['action', 'actor_username', 'after'])
        .where('object_type', '=', 'file')
        .where('object_id', '=', file.id)
        .executeTakeFirstOrThrow();
      assert.equal(audit.action, 'file.upload');
      assert.equal(audit.actor_username, 'xw.clerk');
    });

    test('PDF and OOXML are accepted; a text file named .html is stored as text', async () => {
      assert.equal((await upload(nj, 'notice.pdf', minimalPdf())).json().mime, 'application/pdf');
      assert.equal((await upload(nj, '统计.xlsx', xlsx())).json().mime.includes('spreadsheetml'), true);
      const html = await upload(nj, 'page.html', Buffer.from('<script>alert(1)</script>'), 'text/html');
      assert.equal(html.statusCode, 201);
      assert.equal(html.json().mime, 'text/plain; charset=utf-8');
      assert.equal(html.json().filename, 'page.html.txt');
    });

    test('executables and random bytes are refused with 415, leaving nothing stored', async () => {
      const before = await t.handle.db.selectFrom('file_object').select('id').execute();
      const exe = await upload(nj, 'invoice.pdf', exeHeader(), 'application/pdf');
      assert.equal(exe.statusCode, 415);
      assert.equal(exe.json().error.code, 'unsupported_media_type');
      const noise = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 151 + 7) % 256));
      assert.equal((await upload(nj, 'data.bin', noise)).statusCode, 415);
      assert.equal((await upload(nj, 'empty.txt', new Uint8Array(0))).statusCode, 400);
      const afterRows = await t.handle.db.selectFrom('file_object').select('id').execute();
      assert.equal(afterRows.length, before.length);
      assert.deepEqual(readdirSync(join(dir, 'tmp')), []);
    });

    test('a file over the size limit is refused with 413', async () => {
      const big = Buffer.alloc(MAX_BYTES + 1, 0x61);
      const res = await upload(nj, 'big.txt', big);
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, 'payload_too_large');
      assert.equal((await upload(nj, 'exact.txt', Buffer.alloc(MAX_BYTES, 0x61))).statusCode, 201);
    });

    test('only the jurisdiction sees a file: another county gets 404, the city gets it', async () => {
      const file = (await upload(xw, 'xw.png', png1x1())).json();
      for (const url of [`/api/files/${file.id}`, `/api/files/${file.id}/content`]) {
        assert.equal((await t.as(gl, 'GET', url)).statusCode, 404, `${url} from another county`);
        assert.equal((await t.as(nj, 'GET', url)).statusCode, 200, `${url} from the city above`);
      }
      assert.equal((await t.as(gl, 'DELETE', `/api/files/${file.id}`)).statusCode, 404);
      assert.equal((await t.as(xw, 'GET', '/api/files/not-a-uuid')).statusCode, 400);
    });

    test('uploading needs file.upload', async () => {
      assert.equal((await upload(auditor, 'a.png', png1x1())).statusCode, 403);
    });

    test('the uploader or an administrator deletes (soft, audited); others may not', async () => {
      const mine = (await upload(xw, 'mine.png', png1x1())).json();
      const other = (await upload(xw, 'other.png', png1x1())).json();
      assert.equal((await t.as(nj, 'DELETE', `/api/files/${mine.id}`)).statusCode, 403, 'a clerk above');
      assert.equal((await t.as(auditor, 'DELETE', `/api/files/${mine.id}`)).statusCode, 403, 'an auditor');
      assert.equal((await t.as(xw, 'DELETE', `/api/files/${mine.id}`)).statusCode, 200);
      assert.equal((await t.as(xw, 'GET', `/api/files/${mine.id}`)).statusCode, 404);
      assert.equal((await t.as(njAdmin, 'DELETE', `/api/files/${other.id}`)).statusCode, 200);
      const row = await t.handle.db
        .selectFrom('file_object')
        .select('deleted_at')
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row.deleted_at, t.clock.now());
      const audits = await t.handle.db
        .selectFrom('audit_event')
        .select('actor_username')
        .where('action', '=', 'file.delete')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audits.map((a) => a.actor_username),
        ['xw.clerk', 'nj.admin'],
      );
    });
  });
}
