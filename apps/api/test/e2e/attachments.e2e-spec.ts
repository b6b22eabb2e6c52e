import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../src/common/errors/app-error.js';
import { AttachmentsRepository } from '../../src/modules/attachments/attachments.repository.js';
import { AttachmentsService } from '../../src/modules/attachments/attachments.service.js';
import { createTestApp, signIn, type SignedIn, type TestApp } from '../support/app.js';
import { buildDocx } from '../support/zip.js';
import { binary } from '../support/http.js';

const MAX_BYTES = 64 * 1024;
const MAX_FILES = 8;
const STORAGE_KEY = /^([0-9a-f]{2})\/\1[0-9a-f]{6}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.bin$/;

const pdf = (note: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n% ${note}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

// a hand-written multipart body, for file names that form-data would rewrite before sending
function multipart(disposition: string, content: Buffer): { type: string; body: Buffer } {
  const boundary = `----zg${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { type: `multipart/form-data; boundary=${boundary}`, body };
}

function filesUnder(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => fs.statSync(path.join(root, entry)).isFile())
    .sort();
}

describe('evidence attachments (HTTP)', () => {
  let t: TestApp;
  let uploadDir: string;
  let unitlead: SignedIn;
  let unitlead2: SignedIn;
  let officer: SignedIn;
  let supervisor: SignedIn;
  // measures of unitlead's unit that take evidence, in progress first: [main, refusals, cap, names]
  let measures: Array<{ id: string; status: string; leadUnit: { id: string; name: string } | null }>;
  let unitId: string;

  const upload = (
    user: SignedIn,
    measureId: string,
    content: Buffer,
    filename: string,
    fields: Record<string, string> = {},
  ) => {
    let call = user.agent.post(`/api/measures/${measureId}/attachments`).set('X-CSRF-Token', user.csrfToken);
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    return call.attach('file', content, { filename, contentType: 'application/pdf' });
  };
  const download = (user: SignedIn, id: string) =>
    user.agent.get(`/api/attachments/${id}/download`).buffer(true).parse(binary);
  const auditRows = (action: string, entityId: string) =>
    t.dataSource.query(
      `SELECT actor_username, detail, after, before FROM audit_event WHERE action = $1 AND entity_id = $2`,
      [action, entityId],
    ) as Promise<
      Array<{
        actor_username: string;
        detail: Record<string, unknown> | null;
        after: Record<string, unknown> | null;
        before: Record<string, unknown> | null;
      }>
    >;
  const storedRow = async (id: string) =>
    (
      (await t.dataSource.query(
        `SELECT storage_key, name, mime_type, unit_id, deleted_at FROM attachment WHERE id = $1`,
        [id],
      )) as Array<{
        storage_key: string;
        name: string;
        mime_type: string;
        unit_id: string | null;
        deleted_at: Date | null;
      }>
    )[0];

  beforeAll(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-uploads-'));
    t = await createTestApp({
      env: {
        UPLOAD_DIR: uploadDir,
        UPLOAD_MAX_BYTES: String(MAX_BYTES),
        UPLOAD_MAX_FILES_PER_MEASURE: String(MAX_FILES),
        UPLOAD_MAX_UNPACKED_BYTES: String(1024 * 1024),
      },
    });
    [unitlead, unitlead2, officer, supervisor] = await Promise.all(
      ['unitlead', 'unitlead2', 'officer', 'supervisor'].map((name) => signIn(t.http, name)),
    );
    const me = await unitlead.agent.get('/api/auth/me').expect(200);
    unitId = me.body.unitIds[0];
    const inProgress = await unitlead.agent.get('/api/measures?status=in_progress&pageSize=200').expect(200);
    const notStarted = await unitlead.agent.get('/api/measures?status=not_started&pageSize=200').expect(200);
    const pending = await unitlead.agent.get('/api/measures?status=pending_review&pageSize=200').expect(200);
    measures = [...inProgress.body.items, ...notStarted.body.items, ...pending.body.items];
    expect(inProgress.body.total).toBeGreaterThan(0);
    expect(measures.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  describe('upload and download', () => {
    const content = pdf('整改工作会议纪要');
    let attachmentId: string;

    it('stores a real PDF and answers 201 with its SHA-256, type and uploader', async () => {
      const response = await upload(unitlead, measures[0].id, content, '整改工作会议纪要.pdf', {
        kind: 'minutes',
      }).expect(201);
      expect(response.body).toMatchObject({
        name: '整改工作会议纪要.pdf',
        size: content.length,
        sha256: sha256(content),
        mimeType: 'application/pdf',
        kind: 'minutes',
        measureId: measures[0].id,
        uploadedBy: { name: '水湖局负责人' },
        unit: { id: unitId, name: '区水务和湖泊局' },
      });
      expect(new Date(response.body.createdAt).toISOString()).toBe(response.body.createdAt);
      attachmentId = response.body.id;

      const row = await storedRow(attachmentId);
      expect(row.storage_key).toMatch(STORAGE_KEY);
      expect(fs.readFileSync(path.join(uploadDir, row.storage_key))).toEqual(content);
      expect(filesUnder(uploadDir)).toEqual([row.storage_key]);
    });

    it('lists the evidence to the measure’s unit, the task force and supervisors', async () => {
      for (const user of [unitlead, officer, supervisor]) {
        const response = await user.agent.get(`/api/measures/${measures[0].id}/attachments`).expect(200);
        expect(response.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
        expect(response.body.items[0]).toMatchObject({
          id: attachmentId,
          name: '整改工作会议纪要.pdf',
          sha256: sha256(content),
        });
        expect(response.body.items[0].storageKey).toBeUndefined();
      }
    });

    it('downloads the identical bytes with server-chosen type and safe headers', async () => {
      const response = await download(unitlead, attachmentId).expect(200);
      expect(Buffer.compare(response.body as Buffer, content)).toBe(0);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-length']).toBe(String(content.length));
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent('整改工作会议纪要.pdf')}`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toContain('sandbox');
      const supervisorCopy = await download(supervisor, attachmentId).expect(200);
      expect(sha256(supervisorCopy.body as Buffer)).toBe(sha256(content));
    });

    it('audits the upload and every download', async () => {
      const uploaded = await auditRows('ATTACHMENT_UPLOADED', attachmentId);
      expect(uploaded).toHaveLength(1);
      expect(uploaded[0]).toMatchObject({
        actor_username: 'unitlead',
        after: { sha256: sha256(content), measureId: measures[0].id },
      });
      const downloaded = await auditRows('ATTACHMENT_DOWNLOADED', attachmentId);
      expect(downloaded.map((row) => row.actor_username).sort()).toEqual(['supervisor', 'unitlead']);
    });

    it('stores a PNG named .pdf as image/png, named for what it is', async () => {
      const response = await upload(unitlead, measures[0].id, PNG, '现场照片.pdf', { kind: 'photo' }).expect(201);
      expect(response.body).toMatchObject({ mimeType: 'image/png', name: '现场照片.pdf.png', sha256: sha256(PNG) });
      const file = await download(unitlead, response.body.id).expect(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
    });
  });

  describe('refusals', () => {
    const expectNothingStored = async (measureId: string, before: string[]) => {
      expect(filesUnder(uploadDir)).toEqual(before);
      const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM attachment WHERE measure_id = $1`, [
        measureId,
      ]);
      return rows[0].n as number;
    };

    it('refuses an executable, HTML or SVG whatever its name, with 415 listing the allowed kinds', async () => {
      const before = filesUnder(uploadDir);
      const rowsBefore = await expectNothingStored(measures[1].id, before);
      const cases: Array<[Buffer, string]> = [
        [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256)]), '整改方案.pdf'],
        [Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'), '报告.pdf'],
        [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), '照片.jpg'],
      ];
      for (const [content, name] of cases) {
        const response = await upload(unitlead, measures[1].id, content, name).expect(415);
        expect(response.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
        expect(response.body.message).toMatch(/PDF、OFD、图片.*Word、Excel/);
      }
      expect(await expectNothingStored(measures[1].id, before)).toBe(rowsBefore);
    });

    it('refuses a file over UPLOAD_MAX_BYTES with a coded 413', async () => {
      const before = filesUnder(uploadDir);
      const response = await upload(
        unitlead,
        measures[1].id,
        Buffer.concat([pdf('big'), Buffer.alloc(MAX_BYTES)]),
        'big.pdf',
      ).expect(413);
      expect(response.body).toEqual({ code: 'FILE_TOO_LARGE', message: '文件不能超过 64 KB' });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      await expectNothingStored(measures[1].id, before);
    });

    it('refuses a docx that would unpack beyond UPLOAD_MAX_UNPACKED_BYTES with 400', async () => {
      const bomb = buildDocx([{ name: 'word/media/image1.png', data: 'x', declaredSize: 50 * 1024 * 1024 }]);
      const response = await upload(unitlead, measures[1].id, bomb, '台账.docx').expect(400);
      expect(response.body.code).toBe('ARCHIVE_TOO_LARGE');
      const ok = await upload(unitlead, measures[1].id, buildDocx(), '台账.docx', { kind: 'ledger' }).expect(201);
      expect(ok.body.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    });

    it('answers a request without a file, with two files or with a bad kind with 400 and Chinese errors', async () => {
      const none = await unitlead.agent
        .post(`/api/measures/${measures[1].id}/attachments`)
        .set('X-CSRF-Token', unitlead.csrfToken)
        .field('kind', 'document')
        .expect(400);
      expect(none.body).toEqual({
        code: 'VALIDATION_FAILED',
        message: '请选择要上传的文件',
        errors: { file: ['请选择要上传的文件'] },
      });

      const two = await upload(unitlead, measures[1].id, pdf('one'), 'one.pdf')
        .attach('file', pdf('two'), 'two.pdf')
        .expect(400);
      expect(two.body.code).toBe('TOO_MANY_FILES');

      const badKind = await upload(unitlead, measures[1].id, pdf('kind'), 'kind.pdf', { kind: 'secret' }).expect(400);
      expect(badKind.body.code).toBe('VALIDATION_FAILED');
      expect(badKind.body.errors.kind[0]).toMatch(/取值必须是以下之一/);

      const json = await unitlead.agent
        .post(`/api/measures/${measures[1].id}/attachments`)
        .set('X-CSRF-Token', unitlead.csrfToken)
        .send({})
        .expect(400);
      expect(json.body.errors).toEqual({ file: ['请选择要上传的文件'] });
    });

    it('answers a broken multipart body with a coded 400, never an HTML 500', async () => {
      const response = await unitlead.agent
        .post(`/api/measures/${measures[1].id}/attachments`)
        .set('X-CSRF-Token', unitlead.csrfToken)
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send(
          Buffer.from(
            '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 truncated',
          ),
        )
        .expect(400);
      expect(response.body.code).toBe('BAD_REQUEST');
    });

    it('caps the number of live files per measure at UPLOAD_MAX_FILES_PER_MEASURE', async () => {
      const measureId = measures[2].id;
      const ids: string[] = [];
      for (let i = 0; i < MAX_FILES; i++) {
        ids.push((await upload(unitlead, measureId, pdf(`cap ${i}`), `第${i + 1}份.pdf`).expect(201)).body.id);
      }
      const over = await upload(unitlead, measureId, pdf('one too many'), 'over.pdf').expect(400);
      expect(over.body).toMatchObject({ code: 'TOO_MANY_FILES' });
      expect(over.body.message).toContain(`最多上传 ${MAX_FILES} 个`);
      await unitlead.agent.delete(`/api/attachments/${ids[0]}`).set('X-CSRF-Token', unitlead.csrfToken).expect(204);
      await upload(unitlead, measureId, pdf('room again'), 'again.pdf').expect(201);
    });

    it('keeps the cap under concurrent uploads: one free slot, three requests, one file', async () => {
      const measureId = measures[2].id;
      const list = await officer.agent.get(`/api/measures/${measureId}/attachments`).expect(200);
      expect(list.body.total).toBe(MAX_FILES);
      await officer.agent
        .delete(`/api/attachments/${list.body.items[0].id}`)
        .set('X-CSRF-Token', officer.csrfToken)
        .expect(204);
      const responses = await Promise.all(
        [1, 2, 3].map((i) => upload(unitlead, measureId, pdf(`race ${i}`), `race${i}.pdf`)),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([201, 400, 400]);
      const after = await officer.agent.get(`/api/measures/${measureId}/attachments`).expect(200);
      expect(after.body.total).toBe(MAX_FILES);
    });

    it('removes the stored file when the row cannot be written', async () => {
      const before = filesUnder(uploadDir);
      const repository = t.app.get(AttachmentsRepository);
      const insert = jest.spyOn(repository, 'insert').mockRejectedValueOnce(new Error('connection lost'));
      try {
        const response = await upload(unitlead, measures[1].id, pdf('db down'), 'db-down.pdf').expect(500);
        expect(response.body).toEqual({ code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' });
      } finally {
        insert.mockRestore();
      }
      expect(filesUnder(uploadDir)).toEqual(before);
    });

    it('needs the CSRF token', async () => {
      const response = await unitlead.agent
        .post(`/api/measures/${measures[1].id}/attachments`)
        .attach('file', pdf('csrf'), 'csrf.pdf')
        .expect(403);
      expect(response.body.code).toBe('CSRF_TOKEN_INVALID');
    });
  });

  describe('hostile file names', () => {
    const cases: Array<[string, string]> = [
      ['filename="../../etc/passwd"', 'passwd.pdf'],
      ['filename="..\\..\\win.ini"', 'win.ini.pdf'],
      ['filename="%2e%2e%2f"', '%2e%2e%2f.pdf'],
      ['filename="a%0D%0AContent-Type: text_html.pdf"', 'aContent-Type_ text_html.pdf'],
      [`filename*=UTF-8''${encodeURIComponent('invoice\u202Efdp.exe')}`, 'invoicefdp.exe.pdf'],
      [`filename*=UTF-8''${encodeURIComponent('整改\r\n报告\u0000.pdf')}`, '整改报告.pdf'],
    ];

    it('stores each name sanitised and each file under a UUID key inside UPLOAD_DIR', async () => {
      const measureId = measures[3].id;
      for (const [disposition, expected] of cases) {
        const { type, body } = multipart(disposition, pdf(expected));
        const response = await unitlead.agent
          .post(`/api/measures/${measureId}/attachments`)
          .set('X-CSRF-Token', unitlead.csrfToken)
          .set('Content-Type', type)
          .send(body);
        expect({ disposition, status: response.status, name: response.body.name }).toEqual({
          disposition,
          status: 201,
          name: expected,
        });
        const row = await storedRow(response.body.id);
        expect(row.name).toBe(expected);
        expect(row.storage_key).toMatch(STORAGE_KEY);
        const file = path.resolve(uploadDir, row.storage_key);
        expect(path.relative(uploadDir, file)).toBe(row.storage_key.split('/').join(path.sep));
        expect(fs.readFileSync(file)).toEqual(pdf(expected));

        const downloaded = await download(unitlead, response.body.id).expect(200);
        const header = downloaded.headers['content-disposition'] as string;
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
        expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe(expected);
      }
      expect(fs.existsSync(path.resolve(uploadDir, '..', 'etc'))).toBe(false);
      for (const entry of filesUnder(uploadDir)) expect(entry).toMatch(STORAGE_KEY);
    });

    it('caps a 300-character name at 255 characters, keeping the extension', async () => {
      const ok = await upload(unitlead, measures[3].id, pdf('long'), `${'长'.repeat(300)}.pdf`).expect(201);
      expect(Array.from(ok.body.name as string)).toHaveLength(255);
      expect(ok.body.name.endsWith('长.pdf')).toBe(true);
    });
  });

  describe('access', () => {
    let attachmentId: string;

    beforeAll(async () => {
      attachmentId = (await upload(unitlead, measures[0].id, pdf('access'), 'access.pdf').expect(201)).body.id;
    });

    it('answers 404 to another unit for upload, list, download and delete, and changes nothing', async () => {
      const before = filesUnder(uploadDir);
      const uploadResponse = await upload(unitlead2, measures[0].id, pdf('foreign'), 'foreign.pdf').expect(404);
      expect(uploadResponse.body.code).toBe('NOT_FOUND');
      await unitlead2.agent.get(`/api/measures/${measures[0].id}/attachments`).expect(404);
      const downloadResponse = await unitlead2.agent.get(`/api/attachments/${attachmentId}/download`).expect(404);
      expect(downloadResponse.body).toEqual({ code: 'NOT_FOUND', message: '佐证材料不存在或无权查看' });
      await unitlead2.agent
        .delete(`/api/attachments/${attachmentId}`)
        .set('X-CSRF-Token', unitlead2.csrfToken)
        .expect(404);
      expect(filesUnder(uploadDir)).toEqual(before);
      expect((await storedRow(attachmentId)).deleted_at).toBeNull();
      expect(await auditRows('ATTACHMENT_DOWNLOADED', attachmentId)).toHaveLength(0);
    });

    it('lets supervisors read but not upload or delete', async () => {
      const response = await upload(supervisor, measures[0].id, pdf('supervisor'), 'supervisor.pdf').expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
      await supervisor.agent
        .delete(`/api/attachments/${attachmentId}`)
        .set('X-CSRF-Token', supervisor.csrfToken)
        .expect(403);
    });

    it('answers unknown and malformed ids with 404', async () => {
      await unitlead.agent.get(`/api/attachments/${randomUUID()}/download`).expect(404);
      await unitlead.agent.get('/api/attachments/../../etc/passwd/download').expect(404);
      await unitlead.agent.get('/api/attachments/not-a-uuid/download').expect(404);
      await upload(unitlead, randomUUID(), pdf('x'), 'x.pdf').expect(404);
    });

    it('files an officer’s upload under the lead unit, which may not delete it', async () => {
      const response = await upload(officer, measures[0].id, pdf('officer'), '专班意见.pdf').expect(201);
      expect(response.body.unit).toEqual(measures[0].leadUnit);
      expect(response.body.uploadedBy.name).toBe('专班干部');
      const denied = await unitlead.agent
        .delete(`/api/attachments/${response.body.id}`)
        .set('X-CSRF-Token', unitlead.csrfToken)
        .expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      await officer.agent
        .delete(`/api/attachments/${response.body.id}`)
        .set('X-CSRF-Token', officer.csrfToken)
        .expect(204);
    });

    it('refuses uploads to a measure that is already 已完成 with 409', async () => {
      const completed = await officer.agent.get('/api/measures?status=completed&pageSize=1').expect(200);
      expect(completed.body.total).toBeGreaterThan(0);
      const response = await upload(officer, completed.body.items[0].id, pdf('late'), 'late.pdf').expect(409);
      expect(response.body.code).toBe('TRANSITION_NOT_ALLOWED');
    });

    it('lets the unit delete only until the measure is signed off; the task force always', async () => {
      const measureId = measures[1].id;
      const id = (await upload(unitlead, measureId, pdf('signed off'), 'signed-off.pdf').expect(201)).body.id as string;
      const [{ status }] = (await t.dataSource.query(`SELECT status FROM measure WHERE id = $1`, [
        measureId,
      ])) as Array<{ status: string }>;
      await t.dataSource.query(`UPDATE measure SET status = 'deemed_completed' WHERE id = $1`, [measureId]);
      try {
        const refused = await unitlead.agent
          .delete(`/api/attachments/${id}`)
          .set('X-CSRF-Token', unitlead.csrfToken)
          .expect(409);
        expect(refused.body.code).toBe('TRANSITION_NOT_ALLOWED');
        await officer.agent.delete(`/api/attachments/${id}`).set('X-CSRF-Token', officer.csrfToken).expect(204);
      } finally {
        await t.dataSource.query(`UPDATE measure SET status = $2 WHERE id = $1`, [measureId, status]);
      }
    });

    it('answers a coded 404, not a broken download, when the stored bytes are missing', async () => {
      const id = (await upload(unitlead, measures[0].id, pdf('lost'), 'lost.pdf').expect(201)).body.id as string;
      fs.rmSync(path.join(uploadDir, (await storedRow(id)).storage_key));
      const response = await unitlead.agent.get(`/api/attachments/${id}/download`).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBeUndefined();
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it('deletes softly: 204, then gone from download and list, audited, bytes kept for restore', async () => {
      const { storage_key: key } = await storedRow(attachmentId);
      await unitlead.agent
        .delete(`/api/attachments/${attachmentId}`)
        .set('X-CSRF-Token', unitlead.csrfToken)
        .expect(204);
      await unitlead.agent.get(`/api/attachments/${attachmentId}/download`).expect(404);
      await officer.agent.get(`/api/attachments/${attachmentId}/download`).expect(404);
      await unitlead.agent
        .delete(`/api/attachments/${attachmentId}`)
        .set('X-CSRF-Token', unitlead.csrfToken)
        .expect(404);
      const list = await unitlead.agent.get(`/api/measures/${measures[0].id}/attachments?pageSize=200`).expect(200);
      expect((list.body.items as Array<{ id: string }>).map((item) => item.id)).not.toContain(attachmentId);
      expect((await storedRow(attachmentId)).deleted_at).not.toBeNull();
      expect(fs.existsSync(path.join(uploadDir, key))).toBe(true);
      const deleted = await auditRows('ATTACHMENT_DELETED', attachmentId);
      expect(deleted).toHaveLength(1);
      expect(deleted[0]).toMatchObject({
        actor_username: 'unitlead',
        before: { id: attachmentId, name: 'access.pdf' },
      });
    });
  });

  it('describes the routes in the OpenAPI document, multipart upload included', async () => {
    const { body: doc } = await officer.agent.get('/api/docs-json').expect(200);
    const uploadOperation = doc.paths['/api/measures/{id}/attachments'].post;
    expect(uploadOperation.operationId).toBe('uploadMeasureAttachment');
    expect(uploadOperation.description).toContain('涉密材料严禁上传');
    const schema = uploadOperation.requestBody.content['multipart/form-data'].schema;
    expect(schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(schema.properties.kind.enum).toEqual(['document', 'minutes', 'photo', 'ledger', 'rule']);
    expect(uploadOperation.responses['201'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/AttachmentDto',
    );
    expect(doc.paths['/api/measures/{id}/attachments'].get.operationId).toBe('getMeasureAttachments');
    expect(doc.paths['/api/attachments/{id}/download'].get.operationId).toBe('downloadAttachment');
    expect(doc.paths['/api/attachments/{id}'].delete.operationId).toBe('deleteAttachment');
    expect(Object.keys(doc.components.schemas.AttachmentDto.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'size', 'sha256', 'mimeType', 'kind', 'createdAt', 'uploadedBy']),
    );
  });

  describe('assertUsableAsEvidence', () => {
    it('passes live attachments of the measure and refuses deleted, foreign and malformed ids with 400', async () => {
      const service = t.app.get(AttachmentsService);
      const live = (await upload(unitlead, measures[0].id, pdf('evidence'), 'evidence.pdf').expect(201)).body
        .id as string;
      const other = (await upload(unitlead, measures[1].id, pdf('other'), 'other.pdf').expect(201)).body.id as string;
      const gone = (await upload(unitlead, measures[0].id, pdf('gone'), 'gone.pdf').expect(201)).body.id as string;
      await unitlead.agent.delete(`/api/attachments/${gone}`).set('X-CSRF-Token', unitlead.csrfToken).expect(204);

      await expect(service.assertUsableAsEvidence([live, live.toUpperCase()], measures[0].id)).resolves.toBeUndefined();
      await t.dataSource.transaction((manager) => service.assertUsableAsEvidence([live], measures[0].id, manager));
      for (const ids of [[live, gone], [other], [randomUUID()], ['not-a-uuid']]) {
        const error = await service.assertUsableAsEvidence(ids, measures[0].id).then(
          () => null,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({
          code: 'VALIDATION_FAILED',
          status: 400,
          extra: { errors: { attachmentIds: [expect.stringContaining('佐证材料')] } },
        });
      }
    });
  });
});
