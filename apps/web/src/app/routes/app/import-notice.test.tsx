import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { sessionUser, unit } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { currentUrl, renderApp, sentBodies } from '@/testing/test-utils';

const INSPECTION_ID = '00000000-0000-4000-8000-00000000e001';

function preview(): Schemas['NoticePreviewDto'] {
  return {
    inspection: {
      title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
      issuer: '中共武汉经开区党工委',
      kind: 'xunshi',
      term: '十二届',
      issuingCommittee: '省委',
      round: 4,
      group: '省委第六巡视组',
      inspectionType: '常规巡视',
      target: '武汉经开区',
      onSiteFrom: '2023-07-18',
      onSiteTo: '2023-09-15',
      feedbackDate: '2023-11-01',
      publishedAt: '2024-07-18T03:16:00.000Z',
      publicityFrom: '2024-07-18',
      publicityTo: '2024-08-08',
      contactPhone: '027-84851224',
      contactHours: '工作日8:30—17:30',
      contactEmail: null,
      signedOn: '2024-07-18',
    },
    categories: [],
    problems: [
      {
        seq: 1,
        label: '1.',
        title: '贯彻落实新发展理念有差距',
        categorySeq: null,
        parentSeq: null,
        overview: '已制定高质量发展方案。',
        measures: [
          { seq: 1, lead: '强化统筹。', text: '成立工作专班，定期调度。' },
          { seq: 2, lead: null, text: '出台《经开区高质量发展三年行动方案》。' },
        ],
        facts: [{ value: 12, unit: '项', multiplier: 1, kind: 'quantity', approx: false, rawText: '12项' }],
        accountability: [],
        rules: [
          { title: '经开区高质量发展三年行动方案', role: 'issued', rawText: '出台《经开区高质量发展三年行动方案》' },
        ],
        funds: [],
        statusHint: null,
        truncated: false,
      },
      {
        seq: 2,
        label: '2.',
        title: '‘清四乱’攻坚不力',
        categorySeq: null,
        parentSeq: null,
        overview: null,
        measures: [{ seq: 1, lead: null, text: '全面排查“四乱”问题。' }],
        facts: [],
        accountability: [{ form: '问责', count: 2, countUnit: '人', rawText: '问责2人' }],
        rules: [],
        funds: [],
        statusHint: 'ongoing',
        truncated: false,
      },
    ],
    warnings: [
      {
        code: 'DATE_MONTH_ONLY',
        message: '反馈日期只精确到月（2023-11），未填入日期，请核对后补充',
        excerpt: '2023-11',
      },
    ],
    stats: { problems: 2, measures: 3 },
    sourceText: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报……',
  };
}

const water = unit({ name: '区水务和湖泊局' });

function stubImport(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/units': json([unit({ name: '中共武汉经开区党工委', parentId: null }), water]),
    'GET /api/measures': json({ items: [], total: 0, page: 1, pageSize: 1 }),
    'GET /api/extensions': json({ items: [], total: 0, page: 1, pageSize: 1 }),
    'POST /api/imports/notice': json(preview()),
    ...overrides,
  });
}

describe('导入整改通报', () => {
  it('reads pasted text into a preview, lets the officer correct it and commits it once with an idempotency key', async () => {
    let commits = 0;
    const fetchMock = stubImport({
      'POST /api/imports/notice/commit': () => {
        commits += 1;
        // the first answer is lost on the way: the retry must carry the same key
        return commits === 1
          ? apiError(503, 'SERVICE_UNAVAILABLE', '服务暂不可用，请稍后重试')
          : json({ inspectionId: INSPECTION_ID, problems: 2, measures: 3 }, 201);
      },
    });
    const user = userEvent.setup();
    const { router } = renderApp('/imports/notice');

    await user.click(await screen.findByRole('button', { name: '识别通报' }));
    expect(await screen.findByText('请粘贴通报全文')).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: '通报文本' }));
    await user.paste('中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报');
    await user.click(screen.getByRole('button', { name: '识别通报' }));

    // the preview: metadata, warnings and the problems
    expect(await screen.findByText('识别提示 1 条，请逐条核对')).toBeInTheDocument();
    expect(screen.getByText(/反馈日期只精确到月/)).toBeInTheDocument();
    expect(screen.getByLabelText('巡视（巡察）组')).toHaveValue('省委第六巡视组');
    const table = screen.getByRole('table', { name: '识别出的问题' });
    expect(within(table).getByRole('textbox', { name: '问题 2. 标题' })).toHaveValue('‘清四乱’攻坚不力');
    expect(within(table).getByText('问责 1')).toBeInTheDocument();

    // corrections: the group, a title, and a measure's text in the expanded row
    await user.clear(screen.getByLabelText('巡视（巡察）组'));
    await user.type(screen.getByLabelText('巡视（巡察）组'), '省委第六巡视组（联动）');
    await user.clear(within(table).getByRole('textbox', { name: '问题 1. 标题' }));
    await user.type(within(table).getByRole('textbox', { name: '问题 1. 标题' }), '贯彻新发展理念有差距');
    await user.click(within(table).getAllByRole('button', { name: '展开行' })[0]);
    const measureText = await screen.findByRole('textbox', { name: '问题 1. 措施二 内容' });
    await user.clear(measureText);
    await user.type(measureText, '出台三年行动方案。');
    expect(screen.getByRole('list', { name: '问题 1. 识别结果' })).toHaveTextContent(
      '出台《经开区高质量发展三年行动方案》',
    );

    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('服务暂不可用，请稍后重试')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认导入' }));

    expect(await screen.findByText('已导入 2 个问题、3 项整改措施')).toBeInTheDocument();
    const requests = sentRequests(fetchMock).filter(
      (request) => new URL(request.url).pathname === '/api/imports/notice/commit',
    );
    expect(requests).toHaveLength(2);
    const keys = requests.map((request) => request.headers.get('Idempotency-Key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const [body] = (await sentBodies(requests, 'POST', '/api/imports/notice/commit')) as Array<
      Schemas['CommitNoticeDto']
    >;
    expect(body.inspection).toMatchObject({
      group: '省委第六巡视组（联动）',
      onSiteFrom: '2023-07-18',
      feedbackDate: '2023-11-01',
      publishedAt: '2024-07-18T03:16:00.000Z',
      contactEmail: null,
    });
    expect(body.problems[0].title).toBe('贯彻新发展理念有差距');
    expect(body.problems[0].measures[1]).toEqual({ seq: 2, lead: null, text: '出台三年行动方案。' });
    expect(body.problems[1]).toEqual(preview().problems[1]);
    expect(body.sourceText).toBe(preview().sourceText);
    expect(body).not.toHaveProperty('defaultLeadUnitId');

    await user.click(screen.getByRole('link', { name: '查看整改台账' }));
    await waitFor(() => expect(currentUrl(router)).toBe(`/problems?inspectionId=${INSPECTION_ID}`));
  }, 60_000);

  it('shows the API field messages next to the field and the problem they concern', async () => {
    stubImport({
      'POST /api/imports/notice/commit': apiError(400, 'VALIDATION_FAILED', '提交的数据不符合要求', {
        'inspection.feedbackDate': ['反馈日期不能早于进驻结束日期'],
        'problems.1.measures.0.text': ['长度不能超过 20000 个字符'],
        'problems[1].seq': ['问题序号重复'],
      }),
    });
    const user = userEvent.setup();
    renderApp('/imports/notice');

    await user.click(await screen.findByRole('tab', { name: '上传文件' }));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File(['通报'], '通报.docx', { type: 'application/octet-stream' }));
    expect(await screen.findByText(/已选择：通报\.docx/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '识别通报' }));
    await user.click(await screen.findByRole('button', { name: '确认导入' }));

    expect(await screen.findByText('反馈日期不能早于进驻结束日期')).toBeInTheDocument();
    // the problem's row opens on its own, with the message under the measure
    const measure = await screen.findByRole('textbox', { name: '问题 2. 措施一 内容' });
    expect(measure.closest('div')!.parentElement).toHaveTextContent('长度不能超过 20000 个字符');
    expect(screen.getByRole('list', { name: '需要修改的内容' })).toHaveTextContent('问题 2. 序号：问题序号重复');
  }, 60_000);

  it('sends the file as multipart and refuses blank titles before sending', async () => {
    const fetchMock = stubImport();
    const user = userEvent.setup();
    renderApp('/imports/notice');

    await user.click(await screen.findByRole('tab', { name: '上传文件' }));
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File(['通报'], 'notice.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: '识别通报' }));
    const title = await screen.findByRole('textbox', { name: '问题 2. 标题' });
    const upload = sentRequests(fetchMock).find((request) => request.method === 'POST')!;
    expect(upload.headers.get('Content-Type')).toMatch(/^multipart\/form-data/);
    // (jsdom's File does not survive undici's multipart encoder, so only the part's name is checked)
    expect(await upload.clone().text()).toContain('name="file"');

    await user.clear(title);
    await user.click(screen.getByRole('button', { name: '确认导入' }));
    expect(await screen.findByText('请填写问题标题')).toBeInTheDocument();
    expect(sentRequests(fetchMock).some((request) => new URL(request.url).pathname.endsWith('/commit'))).toBe(false);
  }, 60_000);

  it('shows the no-access page to accounts outside the task force', async () => {
    stubApi({
      'GET /api/auth/me': json(sessionUser({ roles: ['supervisor'], unitName: null })),
    });
    renderApp('/imports/notice');
    expect(await screen.findByText('此页面供整改专班使用')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '识别通报' })).not.toBeInTheDocument();
  });
});
