// Issue 14, uploads that cannot stall the server — against a real server process (bin/phuluc serve), on PGlite and on
// PostgreSQL: each hostile workbook or Word file (issue 18) answers a clear 422 (415 for a .doc without LibreOffice)
// within 1 s while a GET sent meanwhile is answered within 100 ms and the server's own event-loop monitor
// (perf_hooks.monitorEventLoopDelay, PHULUC_LOOP_REPORT_MS) sees no stall over 100 ms; a read past its time limit is
// a 422 and its worker is replaced; a full queue is a 503 with Retry-After; large JSON bodies are validated on the pool
// with the usual answers.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, slowToRead } from '../../hardening/support/xlsx-hostile.ts';
import { VIETNAMESE } from '../../hardening/support/pipeline.ts';
import { fixture, REPO_ROOT } from '../../support/paths.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { bigPlan } from '../reliability/burst.ts';

export type Store = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; databaseUrl: string };

/**
 * Server settings for the suite: one read worker and a queue of one, so that the bound is reached on purpose; a
 * LibreOffice that is not there, as on a server without it (an old .doc is then refused with how to save as .docx).
 */
const ENV = {
  PHULUC_LOOP_REPORT_MS: '50',
  PHULUC_READ_WORKERS: '1',
  PHULUC_READ_QUEUE: '1',
  PHULUC_READ_TIMEOUT_MS: '3000',
  PHULUC_SOFFICE: '/nonexistent/libreoffice/soffice',
};

/** The hostile files of the issue, what each must answer, and the words that must name the problem. */
const CASES: { name: string; code: string; names: RegExp }[] = [
  { name: 'a 173 KB file that inflates to 158 MB', code: 'xlsx-zip-bomb', names: /nén bất thường.*giải nén ra quá lớn.*: 1\)/ },
  {
    name: 'an 11 KB file with 400 <sheet> entries pointing at one 8 MB part',
    code: 'xlsx-shared-sheet-part',
    names: /nhiều trang tính cùng trỏ tới một phần dữ liệu.*xl\/worksheets\/sheet1\.xml/,
  },
  {
    name: 'a 3 KB file whose 270 cells share one 256 KB shared string',
    code: 'xlsx-cell-too-long',
    names: /Ô Phụ lục!A1: 262\.134 ký tự, vượt giới hạn 32\.767 ký tự/,
  },
  { name: 'zip bomb inside the size limits: a 75 MB sheet at about 1 000 : 1', code: 'xlsx-zip-bomb', names: /nén bất thường/ },
  { name: '251 sheets, one part each', code: 'xlsx-too-many-sheets', names: /quá nhiều trang tính \(> 250\)/ },
];

/** A Word fixture's parts with its document.xml replaced (built before anything is timed). */
function withDocument(xml: string | Uint8Array): Uint8Array {
  const parts = unzipSync(new Uint8Array(readFileSync(`${REPO_ROOT}/test/fixtures/docx/cam-giang-ke-hoach.docx`)));
  return zipSync({ ...parts, 'word/document.xml': [typeof xml === 'string' ? strToU8(xml) : xml, { level: 6 }] });
}
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const body = (inner: string) => `<w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`;

/** Hostile Word files (issue 18), the answer each must get and the words that must name the problem. */
const DOCX_CASES: { name: string; file: string; build: () => Uint8Array; status: number; code: string; names: RegExp }[] = [
  {
    name: 'a .docx under 1 MB whose document.xml inflates to 100 MB',
    file: 'phu-luc.docx',
    build: () => withDocument(new Uint8Array(100 * 1024 * 1024).fill(0x20)),
    status: 422,
    code: 'docx-zip-bomb',
    names: /nén bất thường.*giải nén ra quá lớn \(word\/document\.xml: 100 MB\)/,
  },
  {
    name: 'a 12 MB document.xml at about a thousand to one',
    file: 'phu-luc.docx',
    build: () => withDocument(body(' '.repeat(12 * 1024 * 1024))),
    status: 422,
    code: 'docx-zip-bomb',
    names: /nén bất thường/,
  },
  {
    name: 'elements nested a hundred thousand deep',
    file: 'phu-luc.docx',
    build: () => withDocument(body(`${'<w:sdt><w:sdtContent>'.repeat(100_000)}${'</w:sdtContent></w:sdt>'.repeat(100_000)}`)),
    status: 422,
    code: 'docx-corrupt',
    names: /Tệp \.docx bị hỏng, không đọc được/,
  },
  {
    name: 'entity expansion (a billion laughs)',
    file: 'phu-luc.docx',
    build: () =>
      withDocument(
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>' +
          body('<w:p><w:r><w:t>&d;</w:t></w:r></w:p>'),
      ),
    status: 422,
    code: 'docx-corrupt',
    names: /Tệp \.docx bị hỏng, không đọc được \(DOCTYPE\)/,
  },
  {
    name: 'a password-protected Word file (an OLE file with an EncryptionInfo stream)',
    file: 'phu-luc.docx',
    build: () => {
      const ole = new Uint8Array(4096);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      for (const [i, ch] of [...'EncryptionInfo'].entries()) ole[1024 + i * 2] = ch.charCodeAt(0);
      return ole;
    },
    status: 422,
    code: 'docx-encrypted',
    names: /Tệp Word có đặt mật khẩu mở\. Hãy gỡ mật khẩu/,
  },
  {
    name: 'an old .doc on a server without LibreOffice',
    file: 'phu-luc.doc',
    build: () => new Uint8Array(readFileSync(`${REPO_ROOT}/test/fixtures/docx/cam-giang-ke-hoach.doc`)),
    status: 415,
    code: 'convert-no-libreoffice',
    names: /Word 97–2003 \(\.doc\), cần chuyển sang \.docx: mở tệp trong Word hoặc LibreOffice, chọn Lưu thành…/,
  },
];

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
  body: any;
  headers: Headers;
  ms: number;
}

/**
 * The suite, on a store the caller prepares (a fresh PGlite folder or PostgreSQL database).
 * @example hostileUploadSuite('PGlite', async () => ({ store: { kind: 'pglite', dataDir }, cleanup }))
 */
export function hostileUploadSuite(name: string, prepare: () => Promise<{ store: Store; cleanup: () => Promise<void> }>): void {
  // Generous bounds for a loaded machine: every wait inside is for an answer.
  describe(`hostile uploads on a real server (${name})`, { timeout: 240_000 }, () => {
    let server: ServerProcess;
    let cleanup = async () => {};
    let token: string;
    // Built before anything is timed: building a 158 MB bomb would stall this process's own loop.
    const files = new Map(CASES.map((c) => [c.name, HOSTILE.find((h) => h.name.startsWith(c.name))!.build()]));
    const good = new Uint8Array(readFileSync(fixture('cam-giang-phu-luc.xlsx')));
    const docxFiles = new Map(DOCX_CASES.map((c) => [c.name, c.build()]));

    beforeAll(async () => {
      const prepared = await prepare();
      cleanup = prepared.cleanup;
      const store = prepared.store;
      server = await startServerProcess({
        ...(store.kind === 'pglite' ? { dataDir: store.dataDir } : { databaseUrl: store.databaseUrl }),
        env: ENV,
      });
      token = server.adminToken!;
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await cleanup();
    });

    /** POST on a connection of its own: a kept-alive one that the server closes as the POST starts fails with EPIPE. */
    const upload = async (bytes: Uint8Array, plan = 'H', file = 'phu-luc.xlsx'): Promise<Answer> => {
      const form = new FormData();
      form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], file));
      const encoded = new Response(form);
      const payload = Buffer.from(await encoded.arrayBuffer());
      const t0 = performance.now();
      const { status, headers, text } = await new Promise<{ status: number; headers: Headers; text: string }>((resolve, reject) => {
        const req = http.request(
          `${server.url}/api/communes/10903/plans/${plan}/upload`,
          {
            method: 'POST',
            agent: false,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': encoded.headers.get('content-type')!,
              'content-length': payload.length,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () => resolve({ status: res.statusCode!, headers: new Headers(res.headers as Record<string, string>), text }));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
      return { status, body: JSON.parse(text), headers, ms: performance.now() - t0 };
    };

    const push = async (body: string, type = 'application/json'): Promise<Answer> => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/communes/10903/plans/J/revisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body,
      });
      return { status: res.status, body: await res.json(), headers: res.headers, ms: performance.now() - t0 };
    };

    /** Run `work` while timing a GET every 10 ms; the slowest GET round trip and the server's longest loop stall. */
    const whileProbing = async <T>(work: () => Promise<T>): Promise<{ result: T; slowestGetMs: number; loopMaxMs: number }> => {
      const from = server.output().length;
      let slowest = 0;
      let done = false;
      const probe = (async () => {
        while (!done) {
          const t0 = performance.now();
          const res = await fetch(`${server.url}/api/health`);
          await res.arrayBuffer();
          slowest = Math.max(slowest, performance.now() - t0);
          await new Promise((r) => setTimeout(r, 10));
        }
      })();
      const result = await work();
      // Two more report periods, so that the monitor's lines cover the whole window.
      await new Promise((r) => setTimeout(r, 120));
      done = true;
      await probe;
      const loop = server
        .output()
        .slice(from)
        .split('\n')
        .filter((l) => l.includes('"event-loop"'))
        .map((l) => JSON.parse(l) as { maxDelayMs: number });
      expect(loop.length, 'the server reports its event loop').toBeGreaterThan(0);
      return { result, slowestGetMs: slowest, loopMaxMs: Math.max(...loop.map((l) => l.maxDelayMs)) };
    };

    it('reads a real workbook (the first read starts the worker)', async () => {
      const r = await upload(good, 'H', 'cam-giang-phu-luc.xlsx');
      expect(r.status).toBe(201);
      expect(r.body.revision.summary.tasks).toBe(34);
    });

    /**
     * Time `work` while probing, up to five times: work the server does on its event loop stalls it every time, so
     * one attempt within the bounds shows there is none; a stall that comes and goes is the machine's scheduler on a
     * loaded machine (at a load of 12 on two cores an idle Node process sees 100–175 ms gaps every few seconds), which
     * a time bound cannot tell apart otherwise.
     */
    const withinBounds = async (work: () => Promise<Answer>, bounds: { answerMs: number }): Promise<Answer> => {
      const seen: string[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const { result: r, slowestGetMs, loopMaxMs } = await whileProbing(work);
        seen.push(`answer ${Math.round(r.ms)} ms, slowest GET ${Math.round(slowestGetMs)} ms, longest loop stall ${loopMaxMs} ms`);
        if (r.ms < bounds.answerMs && slowestGetMs < 100 && loopMaxMs < 100) return r;
      }
      throw new Error(`never within bounds (answer < ${bounds.answerMs} ms, GET and loop stall < 100 ms): ${seen.join('; ')}`);
    };

    it.each(CASES)('$name → 422 $code in under 1 s, naming the problem, while the event loop never stalls 100 ms', async (c) => {
      const r = await withinBounds(() => upload(files.get(c.name)!), { answerMs: 1000 });
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe(c.code);
      expect(r.body.error.message).toMatch(/^phu-luc\.xlsx: /);
      expect(r.body.error.message).toMatch(VIETNAMESE);
      expect(r.body.error.message).toMatch(c.names);
      expect(r.body.error.messageEn.length).toBeGreaterThan(20);
    });

    it.each(DOCX_CASES)('$name → $status $code in under 1 s, naming the problem, while the event loop never stalls 100 ms', async (c) => {
      // To a plan of its own, read back below: nothing refused is stored.
      const r = await withinBounds(() => upload(docxFiles.get(c.name)!, 'N2', c.file), { answerMs: 1000 });
      expect(r.status).toBe(c.status);
      expect(r.body.error.code).toBe(c.code);
      expect(r.body.error.message.startsWith(`${c.file}: `)).toBe(true);
      expect(r.body.error.message).toMatch(VIETNAMESE);
      expect(r.body.error.message).toMatch(c.names);
      expect(r.body.error.messageEn.length).toBeGreaterThan(20);
      const head = await fetch(`${server.url}/api/communes/10903/plans/N2`, { headers: { authorization: `Bearer ${token}` } });
      expect([head.status, ((await head.json()) as { error: { code: string } }).error.code]).toEqual([404, 'not-found']);
    });

    it('a heavy workbook that is read (1,000,000 empty rows: half a second of reading) leaves the event loop free', async () => {
      const heavy = HOSTILE.find((h) => h.name.startsWith('1 000 000 empty rows'))!.build();
      const r = await withinBounds(() => upload(heavy, 'HEAVY'), { answerMs: 30_000 });
      // Stored by the first attempt; a second attempt (the first out of bounds on a loaded machine) reads the same
      // tables and is answered 200 "unchanged".
      expect([r.status, r.body.status]).toEqual(r.status === 201 ? [201, 'created'] : [200, 'unchanged']);
    });

    it('a read past its time limit → 422 xlsx-timeout naming the limit; the worker is replaced and the next upload is read', async () => {
      const slow = slowToRead();
      // Three seconds of a busy worker: read on the event loop, this would stall it for all three. Over seconds a
      // loaded machine's scheduler alone passes 100 ms now and then, so the bound here is a second.
      const { result: r, slowestGetMs, loopMaxMs } = await whileProbing(() => upload(slow));
      expect(slowestGetMs).toBeLessThan(1000);
      expect(loopMaxMs).toBeLessThan(1000);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('xlsx-timeout');
      expect(r.body.error.message).toMatch(/^Đọc tệp mất quá 3 giây nên đã dừng để bảo vệ máy chủ/);
      // To a plan of its own: the same file again on "H" would be answered 200 "unchanged" (read too, but stored nothing).
      expect((await upload(good, 'R')).status).toBe(201);
    });

    it('past the queue bound → 503 with Retry-After and a Vietnamese message; what was accepted is still answered', async () => {
      const slow = slowToRead();
      // One worker, a queue of one, four reads that each hold the worker until its 3 s limit: whatever order they
      // arrive in, one runs, one waits, and the two others are turned away at once.
      const answers = await Promise.all([1, 2, 3, 4].map((i) => upload(slow, `Q${i}`)));
      const busy = answers.filter((r) => r.status === 503);
      expect(busy).toHaveLength(2);
      for (const b of busy) {
        expect(b.body.error.code).toBe('busy-reading');
        expect(b.body.error.message).toMatch(/đang đọc nhiều tệp cùng lúc.*thử lại sau 5 giây/);
        expect(b.headers.get('retry-after')).toBe('5');
        expect(b.ms).toBeLessThan(3000);
      }
      expect(answers.filter((r) => r.status === 422).map((r) => r.body.error.code)).toEqual(['xlsx-timeout', 'xlsx-timeout']);
      expect((await upload(good, 'Q5')).status).toBe(201);
    });

    it('a large JSON push is validated on the pool: stored when valid; 400 with the path when not; 400 malformed; 415 not JSON', async () => {
      const plan = bigPlan(1500);
      const text = JSON.stringify({ plan });
      expect(text.length).toBeGreaterThan(256 * 1024);
      const ok = await push(text);
      expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(201);
      expect(ok.body.revision.summary.tasks).toBe(1500);
      const bad = structuredClone(plan) as unknown as { appendices: { rows: { kind: string }[] }[] };
      bad.appendices[0]!.rows[700]!.kind = 'nhiệm vụ';
      const invalid = await push(JSON.stringify({ plan: bad }));
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.code).toBe('invalid-request');
      expect(invalid.body.error.details[0].path).toBe('plan.appendices.0.rows.700.kind');
      expect((await push(`${text.slice(0, -10)}`)).body.error.code).toBe('malformed-json');
      expect((await push(text, 'text/plain')).status).toBe(415);
    });
  });
}
