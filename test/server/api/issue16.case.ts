// Issue 16 on the sync server, run on PGlite and on PostgreSQL: the plan registry (list, create, duplicates in any
// case, who may), one plan whatever the key's case, an unknown key answered with the list, identical content stored
// once ("unchanged"), a file for another commune refused until confirmed, .xls/.ods uploads converted by LibreOffice,
// and the person shown as the sender. Whole answers are asserted; only times, hashes and plan bodies are matched loosely.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEntry } from '../../../core/api/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { loadPlan } from '../../../cli/load-plan.ts';
import type { Database } from '../../../server/db/connect.ts';
import { TEST_PLANS } from '../../support/db.ts';
import { fixture } from '../../support/paths.ts';
import { harness, type Harness } from './harness.ts';

const run = promisify(execFile);
const ISO_TIME = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const HASH = expect.stringMatching(/^[0-9a-f]{64}$/);

/** The registered plans as GET /api/plans lists them: newest year first, then by key. */
function listed(extra: PlanEntry[] = []): PlanEntry[] {
  const seeded = TEST_PLANS.map((p) => ({
    key: p.key.toUpperCase(),
    name: p.name,
    year: p.year,
    dueDate: p.dueDate ?? null,
    createdAt: ISO_TIME as unknown as string,
  }));
  return [...extra, ...seeded].sort((a, b) => b.year - a.year || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A revision's metadata as the server answers it, the varying parts matched by shape. */
function meta(seq: number, kind: string, o: { baseSeq?: number | null; message?: string | null; authorName?: string | null } = {}) {
  return {
    seq,
    baseSeq: o.baseSeq === undefined ? seq - 1 : o.baseSeq,
    kind,
    author: expect.stringMatching(/^token:/),
    authorName: o.authorName === undefined ? 'Nguyễn Văn A' : o.authorName,
    idempotencyKey: null,
    contentHash: HASH,
    summary: expect.objectContaining({ tasks: expect.any(Number) }),
    message: o.message ?? null,
    createdAt: ISO_TIME,
  };
}

/**
 * The suite, on a database the caller opens (migrated, with TEST_PLANS registered).
 * @example issue16Suite('PGlite', freshPglite)
 */
export function issue16Suite(name: string, open: () => Promise<Database>): void {
  describe(`issue 16 on the sync server (${name})`, { timeout: 120_000 }, () => {
    let h: Harness;
    let tmp: string;
    let camGiang: Plan;
    const files: Record<'xls' | 'ods', Uint8Array> = { xls: new Uint8Array(), ods: new Uint8Array() };

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), 'phuluc-issue16-'));
      // An .xls and an .ods as officials have them: the fixture saved by LibreOffice (each with a profile of its own,
      // so the two run side by side).
      const convert = (ext: 'xls' | 'ods') =>
        run(
          'soffice',
          [
            '--headless',
            `-env:UserInstallation=file://${path.join(tmp, `profile-${ext}`)}`,
            '--convert-to',
            ext,
            '--outdir',
            path.join(tmp, ext),
            fixture('cam-giang-phu-luc.xlsx'),
          ],
          { timeout: 170_000, killSignal: 'SIGKILL' },
        );
      const [database] = await Promise.all([open(), convert('xls'), convert('ods')]);
      h = await harness({ database });
      files.xls = new Uint8Array(await readFile(path.join(tmp, 'xls', 'cam-giang-phu-luc.xls')));
      files.ods = new Uint8Array(await readFile(path.join(tmp, 'ods', 'cam-giang-phu-luc.ods')));
      camGiang = (await loadPlan(fixture('cam-giang-phu-luc.xlsx'))).plan;
    }, 240_000);
    afterAll(async () => {
      await h?.close();
      if (tmp) await rm(tmp, { recursive: true, force: true });
    });

    const upload = (planKey: string, bytes: Uint8Array, file: string, o: { confirm?: boolean; token?: string } = {}) => {
      const form = new FormData();
      form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], file));
      if (o.confirm) form.append('confirmCommune', '1');
      return h.call('POST', `/api/communes/10903/plans/${planKey}/upload`, { token: o.token ?? h.tokens.editor, body: form });
    };
    const revisions = async (planKey: string) =>
      (await h.call('GET', `/api/communes/10903/plans/${planKey}/revisions`, { token: h.tokens.editor })).body.revisions as unknown[];

    it('plans: any signed-in caller lists them; an admin or a consolidator creates one; a key taken in any case is refused', async () => {
      expect(await h.call('GET', '/api/plans', { token: h.tokens.editor })).toMatchObject({ status: 200, body: { plans: listed() } });

      const created = await h.call('POST', '/api/plans', {
        token: h.tokens.consolidator,
        json: { key: ' nq57-2027 ', name: 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027', year: 2027, dueDate: '2027-03-31' },
      });
      const entry = {
        key: 'NQ57-2027',
        name: 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027',
        year: 2027,
        dueDate: '2027-03-31',
        createdAt: ISO_TIME,
      };
      expect([created.status, created.body]).toEqual([201, entry]);
      const byAdmin = await h.call('POST', '/api/plans', { json: { key: 'KH-TONG-KET', name: 'Kế hoạch tổng kết', year: 2026 } });
      expect([byAdmin.status, byAdmin.body]).toEqual([
        201,
        { key: 'KH-TONG-KET', name: 'Kế hoạch tổng kết', year: 2026, dueDate: null, createdAt: ISO_TIME },
      ]);
      expect((await h.call('GET', '/api/plans', { token: h.tokens.consolidatorOther })).body).toEqual({
        plans: listed([created.body, byAdmin.body]),
      });

      const dup = await h.call('POST', '/api/plans', { json: { key: 'Nq57-2027', name: 'Một kế hoạch khác', year: 2027 } });
      expect([dup.status, dup.body]).toEqual([
        409,
        {
          error: {
            code: 'plan-exists',
            message:
              'Đã có kế hoạch mã “NQ57-2027”: Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027. Mã không phân biệt chữ hoa, chữ thường; hãy chọn kế hoạch này hoặc đặt mã khác.',
            messageEn:
              'A plan with code "NQ57-2027" exists: Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027. Codes ignore case; pick it or choose another code.',
            details: { plans: [created.body] },
          },
        },
      ]);
      const byEditor = await h.call('POST', '/api/plans', { token: h.tokens.editor, json: { key: 'X1', name: 'X', year: 2027 } });
      expect([byEditor.status, byEditor.body]).toEqual([
        403,
        {
          error: {
            code: 'forbidden',
            message: 'Không có quyền: tạo kế hoạch (chỉ quản trị viên hoặc cán bộ tổng hợp).',
            messageEn: 'Forbidden: create plans (admin or consolidator only).',
          },
        },
      ]);
      expect((await h.call('POST', '/api/plans', { token: null, json: { key: 'X1', name: 'X', year: 2027 } })).status).toBe(401);
      expect((await h.call('GET', '/api/plans', { token: null })).status).toBe(401);
      const badDay = await h.call('POST', '/api/plans', { json: { key: 'X1', name: 'X', year: 2027, dueDate: '2027-02-30' } });
      expect([badDay.status, badDay.body]).toEqual([
        400,
        {
          error: {
            code: 'invalid-request',
            message: 'Hạn nộp “2027-02-30” không phải ngày có thật.',
            messageEn: 'Due date "2027-02-30" is not a real day.',
            details: [{ path: 'dueDate', message: 'not a real day' }],
          },
        },
      ]);
      for (const body of [
        { key: 'a b', name: 'X', year: 2027 },
        { key: '-X', name: 'X', year: 2027 },
        { key: 'X'.repeat(65), name: 'X', year: 2027 },
        { key: 'X1', name: '', year: 2027 },
        { key: 'X1', name: 'a\u0000b', year: 2027 },
        { key: 'X1', name: 'X'.repeat(301), year: 2027 },
        { key: 'X1', name: 'X', year: 1999 },
        { key: 'X1', name: 'X', year: 2027.5 },
      ]) {
        const r = await h.call('POST', '/api/plans', { json: body });
        expect([r.status, r.body.error.code], JSON.stringify(body).slice(0, 80)).toEqual([400, 'invalid-request']);
      }
      expect((await h.call('GET', '/api/plans', { token: h.tokens.editor })).body.plans).toHaveLength(TEST_PLANS.length + 2);
    });

    it('a key in any case is one plan, stored and answered under its registered key', async () => {
      const pushed = await h.call('POST', '/api/communes/10903/plans/nq57-2026/revisions', {
        token: h.tokens.editor,
        json: { plan: camGiang, message: 'Lần gửi đầu' },
      });
      expect([pushed.status, pushed.body]).toEqual([
        201,
        {
          status: 'created',
          revision: meta(1, 'push', { baseSeq: 0, message: 'Lần gửi đầu' }),
          plan: expect.any(Object),
          fingerprint: HASH,
        },
      ]);
      const head = await h.call('GET', '/api/communes/10903/plans/NQ57-2026', { token: h.tokens.editor });
      expect([head.status, head.body]).toEqual([200, { revision: pushed.body.revision, plan: pushed.body.plan }]);
      expect(await revisions('Nq57-2026')).toEqual([pushed.body.revision]);
      const status = await h.call('GET', '/api/provinces/31/plans/nq57-2026/status', { token: h.tokens.consolidator });
      expect([status.body.planKey, status.body.submitted]).toEqual(['NQ57-2026', 1]);
      expect(status.body.communesList.find((c: { code: string }) => c.code === '10903')).toEqual({
        code: '10903',
        name: 'Xã Cẩm Giàng',
        submitted: true,
        revision: 1,
        lastPush: pushed.body.revision.createdAt,
        author: pushed.body.revision.author,
        authorName: 'Nguyễn Văn A',
        ...pushed.body.revision.summary,
      });
      const consolidated = await h.call('GET', '/api/provinces/31/plans/NQ57-2026/consolidated?asOf=2026-06-30', {
        token: h.tokens.consolidator,
      });
      expect([consolidated.body.planKey, new Set(consolidated.body.rows.map((r: { planKey: string }) => r.planKey))]).toEqual([
        'NQ57-2026',
        new Set(['NQ57-2026']),
      ]);
    });

    it('an unknown key answers 404 plan-unknown with every registered plan, on every plan route', async () => {
      const plans = (await h.call('GET', '/api/plans', { token: h.tokens.editor })).body.plans as PlanEntry[];
      const named = plans
        .slice(0, 8)
        .map((p) => `${p.key} (${p.name})`)
        .join(', ');
      const expected = {
        error: {
          code: 'plan-unknown',
          message: `Không có kế hoạch mã “nq57-2028”. Các kế hoạch đang có: ${named} và ${plans.length - 8} kế hoạch khác.`,
          messageEn: `No plan with code "nq57-2028". The plans are: ${named} and ${plans.length - 8} more.`,
          details: { plans },
        },
      };
      expect(plans.slice(0, 3).map((p) => p.key)).toEqual(['NQ57-2027', 'B', 'B0']);
      for (const [method, url, token] of [
        ['GET', '/api/communes/10903/plans/nq57-2028', h.tokens.editor],
        ['POST', '/api/communes/10903/plans/nq57-2028/revisions', h.tokens.editor],
        ['GET', '/api/communes/10903/plans/nq57-2028/revisions', h.tokens.editor],
        ['GET', '/api/communes/10903/plans/nq57-2028/revisions/1', h.tokens.editor],
        ['GET', '/api/communes/10903/plans/nq57-2028/diff?from=0&to=1', h.tokens.editor],
        ['POST', '/api/communes/10903/plans/nq57-2028/revisions/1/restore', h.tokens.editor],
        ['POST', '/api/communes/10903/plans/nq57-2028/upload', h.tokens.editor],
        ['GET', '/api/provinces/31/plans/nq57-2028/status', h.tokens.consolidator],
        ['GET', '/api/provinces/31/plans/nq57-2028/consolidated', h.tokens.consolidator],
        ['GET', '/api/national/plans/nq57-2028/consolidated', h.tokens.admin],
      ] as const) {
        const r = await h.call(method, url, {
          token,
          ...(method === 'POST' && !url.endsWith('restore') ? { json: { plan: camGiang } } : {}),
        });
        expect([r.status, r.body], `${method} ${url}`).toEqual([404, expected]);
      }
      // Someone who may not see the commune is refused for that first, whatever the key.
      expect((await h.call('GET', '/api/communes/10903/plans/nq57-2028', { token: h.tokens.editorOther })).status).toBe(403);
    });

    it('identical content stores nothing: push, upload and restore answer 200 "unchanged" with the head', async () => {
      const first = await upload('P', await readFile(fixture('cam-giang-phu-luc.xlsx')), 'cam-giang-phu-luc.xlsx');
      expect([first.status, first.body.status, first.body.revision]).toEqual([
        201,
        'created',
        meta(1, 'upload', { baseSeq: 0, message: 'cam-giang-phu-luc.xlsx' }),
      ]);
      const again = await upload('P', await readFile(fixture('cam-giang-phu-luc.xlsx')), 'cam-giang-phu-luc.xlsx');
      expect([again.status, again.headers.get('etag'), again.body]).toEqual([
        200,
        '"1"',
        { status: 'unchanged', revision: first.body.revision, plan: first.body.plan, fingerprint: HASH, report: first.body.report },
      ]);
      // The plan the server answered, sent back: its keys come back in the schema's order, its content is the same.
      const push = await h.call('POST', '/api/communes/10903/plans/P/revisions', {
        token: h.tokens.editor,
        json: { plan: first.body.plan },
        headers: { 'if-match': '"1"', 'idempotency-key': 'same-1' },
      });
      expect([push.status, push.body]).toEqual([
        200,
        { status: 'unchanged', revision: first.body.revision, plan: first.body.plan, fingerprint: HASH },
      ]);
      const edited = structuredClone(first.body.plan) as Plan;
      edited.appendices[0]!.rows.find((r) => r.kind === 'task')!.fields.result = 'Báo cáo quý';
      const second = await h.call('POST', '/api/communes/10903/plans/P/revisions', {
        token: h.tokens.editor,
        json: { plan: edited },
        headers: { 'if-match': '"1"' },
      });
      expect([second.status, second.body.status, second.body.revision.seq]).toEqual([201, 'created', 2]);
      const restoreHead = await h.call('POST', '/api/communes/10903/plans/P/revisions/2/restore', { token: h.tokens.editor });
      expect([restoreHead.status, restoreHead.body]).toEqual([
        200,
        { status: 'unchanged', revision: second.body.revision, plan: second.body.plan, fingerprint: HASH },
      ]);
      const restoreOld = await h.call('POST', '/api/communes/10903/plans/P/revisions/1/restore', { token: h.tokens.editor });
      expect([restoreOld.status, restoreOld.body.status, restoreOld.body.revision.seq]).toEqual([201, 'created', 3]);
      expect((await revisions('P')).map((r) => (r as { seq: number }).seq)).toEqual([3, 2, 1]);
    });

    it('a file naming another commune is refused (409, both named), then stored with a warning once confirmed', async () => {
      const quangSon = new Uint8Array(await readFile(fixture('quang-son-phu-luc.xlsx')));
      const details = {
        fileCommune: 'xã Quang Sơn',
        fileCommuneCode: '05674',
        targetCommune: { code: '10903', name: 'Xã Cẩm Giàng', provinceName: 'Thành phố Hải Phòng' },
      };
      const refusal = {
        error: {
          code: 'commune-mismatch',
          message:
            'Tệp ghi là của Xã Quang Sơn (Tỉnh Thái Nguyên), nhưng đang gửi cho Xã Cẩm Giàng (Thành phố Hải Phòng). Nếu đúng là kế hoạch của Xã Cẩm Giàng, hãy xác nhận để gửi; nếu không, hãy chọn đúng xã/phường.',
          messageEn:
            "The file says it is from Xã Quang Sơn (Tỉnh Thái Nguyên), but it is being sent for Xã Cẩm Giàng (Thành phố Hải Phòng). If it is Xã Cẩm Giàng's plan, confirm to send it; otherwise choose the right commune.",
          details,
        },
      };
      const warning = {
        code: 'commune-mismatch',
        message:
          'Đã lưu theo xác nhận của người gửi. Tệp ghi là của Xã Quang Sơn (Tỉnh Thái Nguyên), nhưng đang gửi cho Xã Cẩm Giàng (Thành phố Hải Phòng).',
        messageEn:
          'Stored as the sender confirmed. The file says it is from Xã Quang Sơn (Tỉnh Thái Nguyên), but it is being sent for Xã Cẩm Giàng (Thành phố Hải Phòng).',
      };
      const refused = await upload('D', quangSon, 'quang-son.xlsx');
      expect([refused.status, refused.body]).toEqual([409, refusal]);
      expect((await h.call('GET', '/api/communes/10903/plans/D', { token: h.tokens.editor })).body.error.code).toBe('not-found');
      const stored = await upload('D', quangSon, 'quang-son.xlsx', { confirm: true });
      expect([stored.status, stored.body]).toEqual([
        201,
        {
          status: 'created',
          revision: meta(1, 'upload', { baseSeq: 0, message: 'quang-son.xlsx' }),
          plan: expect.any(Object),
          fingerprint: HASH,
          report: expect.objectContaining({ path: 'quang-son.xlsx' }),
          warnings: [warning],
        },
      ]);

      const plan = (await loadPlan(fixture('quang-son-phu-luc.xlsx'))).plan;
      const push = (body: object) =>
        h.call('POST', '/api/communes/10903/plans/D8/revisions', { token: h.tokens.editor, json: body, headers: { 'if-match': '"0"' } });
      expect([(await push({ plan })).status, (await push({ plan, confirmCommune: false })).body]).toEqual([409, refusal]);
      const confirmed = await push({ plan, confirmCommune: true });
      expect([confirmed.status, confirmed.body.status, confirmed.body.warnings]).toEqual([201, 'created', [warning]]);

      // Written with its province, or without a tone mark: the target's own name is no mismatch.
      const named = (commune: string) => {
        const p = structuredClone(camGiang);
        for (const a of p.appendices) a.title.reference = { ...a.title.reference, commune, issuer: `UBND xã ${commune}` };
        return p;
      };
      let head = 0;
      for (const commune of ['Cẩm Giàng, thành phố Hải Phòng', 'Cẩm Giang', 'CẨM GIÀNG']) {
        const r = await h.call('POST', '/api/communes/10903/plans/D0/revisions', {
          token: h.tokens.editor,
          json: { plan: named(commune) },
          headers: { 'if-match': `"${head++}"` },
        });
        expect([r.status, r.body.status, r.body.warnings], commune).toEqual([201, 'created', undefined]);
      }
      // A name of no commune of the 2025 list is a mismatch too, with no code; another province's Cẩm Giàng as well.
      const unknown = await h.call('POST', '/api/communes/10903/plans/D0/revisions', {
        token: h.tokens.editor,
        json: { plan: named('Hòa Bình Xanh') },
        headers: { 'if-match': '"1"' },
      });
      expect([unknown.status, unknown.body.error.details, unknown.body.error.message]).toEqual([
        409,
        { fileCommune: 'xã Hòa Bình Xanh', fileCommuneCode: null, targetCommune: details.targetCommune },
        'Tệp ghi là của “xã Hòa Bình Xanh” (không có trong danh sách xã, phường năm 2025), nhưng đang gửi cho Xã Cẩm Giàng (Thành phố Hải Phòng). Nếu đúng là kế hoạch của Xã Cẩm Giàng, hãy xác nhận để gửi; nếu không, hãy chọn đúng xã/phường.',
      ]);
      const elsewhere = await h.call('POST', '/api/communes/10903/plans/D0/revisions', {
        token: h.tokens.editor,
        json: { plan: named('Cẩm Giàng, tỉnh Thái Nguyên') },
        headers: { 'if-match': '"1"' },
      });
      expect([elsewhere.status, elsewhere.body.error.details.fileCommuneCode]).toEqual([409, '02008']);
      // No commune in the title block: nothing to compare.
      const blank = structuredClone(plan);
      for (const a of blank.appendices) delete a.title.reference.commune;
      const noName = await h.call('POST', '/api/communes/10903/plans/B/revisions', { token: h.tokens.editor, json: { plan: blank } });
      expect([noName.status, noName.body.status, noName.body.warnings]).toEqual([201, 'created', undefined]);
    });

    // Three LibreOffice conversions, each a cold start of a few seconds to half a minute on a loaded machine.
    it('.xls and .ods uploads are converted by LibreOffice and stored as the .xlsx would be', async () => {
      const xlsx = await upload('B4', await readFile(fixture('cam-giang-phu-luc.xlsx')), 'cam-giang-phu-luc.xlsx');
      expect([xlsx.status, xlsx.body.report.stats]).toEqual([201, expect.objectContaining({ tasks: 34 })]);
      for (const ext of ['xls', 'ods'] as const) {
        const r = await upload(ext === 'xls' ? 'BIG' : 'H', files[ext], `cam-giang-phu-luc.${ext}`);
        expect([r.status, r.body.status, r.body.revision.summary, r.body.report.stats, r.body.report.path], ext).toEqual([
          201,
          'created',
          xlsx.body.revision.summary,
          xlsx.body.report.stats,
          `cam-giang-phu-luc.${ext}`,
        ]);
      }
      // The same tables as the .xlsx (another file name, another format): sent to the .xlsx's plan they change nothing.
      const same = await upload('B4', files.xls, 'cam-giang-phu-luc.xls');
      expect([same.status, same.body.status, same.body.revision.seq]).toEqual([200, 'unchanged', 1]);
    }, 300_000);

    it('the history names the person who sent each revision, the token kept as the machine id', async () => {
      const viaLabel = await h.call('POST', '/api/tokens', {
        json: { role: 'editor', commune: '10903', label: 'Trần Thị B, cán bộ VP' },
      });
      const viaHolder = await h.call('POST', '/api/tokens', {
        json: { role: 'editor', commune: '10903', label: 'Máy văn phòng', holder: 'Lê Văn C' },
      });
      const noName = await h.call('POST', '/api/tokens', { json: { role: 'editor', commune: '10903' } });
      expect([viaLabel.body.holder, viaHolder.body.holder, noName.body.holder, noName.body.label]).toEqual([
        'Trần Thị B, cán bộ VP',
        'Lê Văn C',
        null,
        'Xã Cẩm Giàng, Thành phố Hải Phòng',
      ]);
      let seq = 0;
      for (const t of [viaLabel, viaHolder, noName]) {
        const plan = structuredClone(camGiang);
        plan.appendices[0]!.rows.find((r) => r.kind === 'task')!.fields.result = `Kết quả ${seq}`;
        const r = await h.call('POST', '/api/communes/10903/plans/F/revisions', {
          token: t.body.secret,
          json: { plan },
          headers: { 'if-match': `"${seq++}"` },
        });
        expect(r.status).toBe(201);
      }
      const history = (await revisions('F')) as { author: string; authorName: string }[];
      expect(history.map((r) => [r.author, r.authorName])).toEqual([
        [`token:${noName.body.id}`, 'Xã Cẩm Giàng, Thành phố Hải Phòng'],
        [`token:${viaHolder.body.id}`, 'Lê Văn C'],
        [`token:${viaLabel.body.id}`, 'Trần Thị B, cán bộ VP'],
      ]);
    });
  });
}
