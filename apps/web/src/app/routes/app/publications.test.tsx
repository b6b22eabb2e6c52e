import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { describe, expect, it } from 'vitest';
import { inspection, page, sessionUser } from '@/testing/data-generators';
import { json, sentRequests, stubApi } from '@/testing/fake-api';
import { findDialog, renderApp, sentBodies, waitForLoaded } from '@/testing/test-utils';

type Publication = Schemas['PublicationDto'];
type Feedback = Schemas['FeedbackDto'];

const round4 = inspection({ title: '十二届省委第四轮巡视整改' });
const PUBLICATION_ID = '00000000-0000-4000-8000-0000000000d1';
const FEEDBACK_ID = '00000000-0000-4000-8000-0000000000e1';

function publication(overrides: Partial<Publication> = {}): Publication {
  return {
    id: PUBLICATION_ID,
    inspectionId: round4.id,
    status: 'draft',
    statusLabel: '草稿',
    title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
    text: '根据省委巡视工作统一部署，省委第六巡视组对经开区开展了常规巡视。\n\n一、巡视整改组织领导情况\n\n张某同志牵头抓总。',
    maskedCount: 3,
    replacements: [{ kind: 'name', original: '张三', replacement: '张某', count: 3 }],
    issuer: '中共武汉经开区党工委',
    publicityFrom: '2024-07-18',
    publicityTo: '2024-08-08',
    contactPhone: '027-84851224',
    contactHours: '工作日8:30—17:30',
    contactEmail: null,
    slug: null,
    publishedAt: null,
    publishedBy: null,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawReason: null,
    createdBy: { id: '00000000-0000-4000-8000-0000000000c1', name: '专班干部' },
    createdAt: '2024-07-17T02:00:00.000Z',
    updatedAt: '2024-07-17T02:00:00.000Z',
    feedbackCount: 0,
    unreadFeedbackCount: 0,
    version: 2,
    ...overrides,
  };
}

const summary = ({ text: _text, replacements: _replacements, ...rest }: Publication) => rest;

function stubPublications(overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(sessionUser()),
    'GET /api/inspections': json(page([round4])),
    'GET /api/measures': json(page([], { total: 0 })),
    'GET /api/extensions': json(page([], { total: 0 })),
    ...overrides,
  });
}

const twoChars = (text: string) => new RegExp(`^${text[0]}\\s?${text[1]}$`);

describe('公开通报', () => {
  it('generates a draft with an idempotency key, publishes it after confirmation and shows the public address', async () => {
    let current: Publication | null = null;
    const fetchMock = stubPublications({
      'GET /api/inspections/:id/publications': () => json({ items: current ? [summary(current)] : [] }),
      'POST /api/inspections/:id/publications': () => {
        current = publication();
        return json(current, 201);
      },
      [`GET /api/publications/${PUBLICATION_ID}`]: () => json(current),
      [`POST /api/publications/${PUBLICATION_ID}/publish`]: () => {
        current = publication({
          status: 'published',
          statusLabel: '公开中',
          slug: 'Zx9_abc-DEF',
          publishedAt: '2024-07-18T03:16:00.000Z',
          publishedBy: { id: '00000000-0000-4000-8000-0000000000c1', name: '专班干部' },
          replacements: [{ kind: 'name', replacement: '张某', count: 3 }],
          version: 3,
        });
        return json(current);
      },
    });
    const user = userEvent.setup();
    renderApp('/publications');

    expect(await screen.findByText(/尚未生成通报公开稿/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /生成公开稿/ }));
    const dialog = await findDialog('生成通报公开稿');
    await user.type(within(dialog).getByRole('combobox', { name: '其他需屏蔽的词语' }), '某某公司=>某公司{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '生成草稿' }));

    // the new draft: its form, its preview with the masking, and nothing public yet
    expect(await screen.findByRole('textbox', { name: '标题' })).toHaveValue(publication().title);
    const [create] = sentRequests(fetchMock).filter((request) => request.method === 'POST');
    expect(create.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await create.clone().json()).toEqual({ maskPersonNames: true, maskedTerms: ['某某公司=>某公司'] });
    await user.click(screen.getByRole('tab', { name: '预览' }));
    expect(await screen.findByRole('table', { name: '屏蔽情况' })).toHaveTextContent('张三');
    expect(screen.getByRole('article', { name: '通报预览' })).toHaveTextContent('张某同志牵头抓总。');

    await user.click(screen.getByRole('button', { name: twoChars('发布') }));
    const confirm = (await screen.findAllByText('发布这份通报？'))[0].closest<HTMLElement>('[role="dialog"]')!;
    expect(confirm).toHaveTextContent('公开期限：2024-07-18 至 2024-08-08');
    await user.click(within(confirm).getByRole('button', { name: twoChars('发布') }));

    const address = `${window.location.origin}/public/notices/Zx9_abc-DEF`;
    expect(await screen.findByText(address)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '复制链接' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '打开公开页面' })).toHaveAttribute('href', address);
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/publications/${PUBLICATION_ID}/publish`)).toEqual([
      { version: 2 },
    ]);
    expect(screen.queryByRole('textbox', { name: '标题' })).not.toBeInTheDocument();
  }, 60_000);

  it('does not overwrite a draft someone else saved: shows the conflict and saves on top only when asked', async () => {
    const theirs = publication({
      title: '关于十二届省委第四轮巡视集中整改进展情况的通报',
      updatedAt: '2024-07-18T01:00:00.000Z',
      version: 3,
    });
    let patches = 0;
    const fetchMock = stubPublications({
      'GET /api/inspections/:id/publications': json({ items: [summary(publication())] }),
      [`GET /api/publications/${PUBLICATION_ID}`]: json(publication()),
      [`PATCH /api/publications/${PUBLICATION_ID}`]: () => {
        patches += 1;
        return patches === 1
          ? {
              status: 409,
              body: { code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current: theirs },
            }
          : json({ ...theirs, contactPhone: '027-84851000', version: 4 });
      },
    });
    const user = userEvent.setup();
    renderApp(`/publications?inspectionId=${round4.id}&publicationId=${PUBLICATION_ID}`);

    const phone = await screen.findByRole('textbox', { name: '联系电话' });
    await user.clear(phone);
    await user.type(phone, '027-84851000');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));

    const dialog = await findDialog('通报已被他人修改');
    expect(dialog).toHaveTextContent('本次未保存，以免覆盖他人的修改');
    const rows = within(within(dialog).getByRole('table', { name: '修改对比' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      `标题${publication().title}${theirs.title}未修改`,
      '联系电话027-84851224027-84851224027-84851000',
    ]);
    await user.click(within(dialog).getByRole('button', { name: '在最新内容上保存我的修改' }));

    await waitFor(() => expect(screen.queryByText('通报已被他人修改')).not.toBeInTheDocument());
    expect(await sentBodies(sentRequests(fetchMock), 'PATCH', `/api/publications/${PUBLICATION_ID}`)).toEqual([
      { version: 2, contactPhone: '027-84851000' },
      { version: 3, contactPhone: '027-84851000' },
    ]);
    // the form now holds their title and my phone
    expect(screen.getByRole('textbox', { name: '标题' })).toHaveValue(theirs.title);
    expect(screen.getByRole('textbox', { name: '联系电话' })).toHaveValue('027-84851000');
  }, 60_000);

  it('reloads the current draft when the officer gives up their change after a conflict', async () => {
    const theirs = publication({ title: '关于巡视集中整改进展情况的通报', version: 3 });
    const fetchMock = stubPublications({
      'GET /api/inspections/:id/publications': json({ items: [summary(publication())] }),
      [`GET /api/publications/${PUBLICATION_ID}`]: json(publication()),
      [`PATCH /api/publications/${PUBLICATION_ID}`]: {
        status: 409,
        body: { code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', current: theirs },
      },
    });
    const user = userEvent.setup();
    renderApp('/publications');

    const title = await screen.findByRole('textbox', { name: '标题' });
    await user.clear(title);
    await user.type(title, '我的标题');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    const dialog = await findDialog('通报已被他人修改');
    await user.click(within(dialog).getByRole('button', { name: '放弃我的修改并载入最新内容' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: '标题' })).toHaveValue(theirs.title));
    expect(sentRequests(fetchMock).filter((request) => request.method === 'PATCH')).toHaveLength(1);
  }, 60_000);

  it('lists the unread opinions of a published notice and marks one handled with a note', async () => {
    const published = publication({
      status: 'published',
      statusLabel: '公开中',
      slug: 'Zx9_abc-DEF',
      publishedAt: '2024-07-18T03:16:00.000Z',
      replacements: [],
      feedbackCount: 2,
      unreadFeedbackCount: 1,
    });
    const opinion: Feedback = {
      id: FEEDBACK_ID,
      publicationId: PUBLICATION_ID,
      content: '建议公开退垸还湖的后续进度',
      name: '李四',
      contact: '13800000000',
      receivedAt: '2024-07-19T02:00:00.000Z',
      handled: false,
      handledAt: null,
      handledBy: null,
      replyNote: null,
      version: 1,
    };
    const old: Feedback = {
      ...opinion,
      id: '00000000-0000-4000-8000-0000000000e2',
      content: '湖边的违建已经拆了，点赞',
      name: null,
      contact: null,
      handled: true,
      handledAt: '2024-07-19T03:00:00.000Z',
      handledBy: { id: '00000000-0000-4000-8000-0000000000c1', name: '专班干部' },
      replyNote: '已回复',
      version: 2,
    };
    let handled = false;
    const fetchMock = stubPublications({
      'GET /api/inspections/:id/publications': () =>
        json({ items: [summary({ ...published, unreadFeedbackCount: handled ? 0 : 1 })] }),
      [`GET /api/publications/${PUBLICATION_ID}`]: () => json({ ...published, unreadFeedbackCount: handled ? 0 : 1 }),
      [`GET /api/publications/${PUBLICATION_ID}/feedback`]: (_request, url) => {
        const mine = handled ? { ...opinion, handled: true, replyNote: '已转区水务和湖泊局办理', version: 2 } : opinion;
        const items = url.searchParams.get('unread') === 'true' ? (handled ? [] : [mine]) : [mine, old];
        return json({ items, total: items.length, unread: handled ? 0 : 1, page: 1, pageSize: 20 });
      },
      [`POST /api/feedback/${FEEDBACK_ID}/read`]: () => {
        handled = true;
        return json({ ...opinion, handled: true, version: 2 });
      },
    });
    // deep in the tabs, jsdom's computed styles are slow: the role and pointer-events checks are skipped here
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    renderApp('/publications');

    const table = await screen.findByRole('table', { name: '通报公开记录' });
    expect(within(table).getByLabelText('1 条未处理')).toBeInTheDocument();
    await user.click(await screen.findByRole('tab', { name: /意见建议/ }));
    await user.click(await screen.findByText('未处理（1）'));
    const inbox = await screen.findByRole('list', { name: '意见建议' });
    await within(inbox).findByText('建议公开退垸还湖的后续进度');
    await waitForLoaded();
    expect(within(inbox).queryByText('湖边的违建已经拆了，点赞')).not.toBeInTheDocument();

    await user.click(within(inbox).getByText('标记已处理').closest('button')!);
    const dialog = await findDialog('标记为已处理');
    await user.type(within(dialog).getByLabelText('处理说明（可选）'), '已转区水务和湖泊局办理');
    await user.click(within(dialog).getByRole('button', { name: '标记已处理' }));

    expect(await screen.findByText('没有未处理的意见建议')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/feedback/${FEEDBACK_ID}/read`)).toEqual([
      { version: 1, replyNote: '已转区水务和湖泊局办理' },
    ]);
    await waitFor(() => expect(within(table).queryByLabelText('1 条未处理')).not.toBeInTheDocument());
    expect(sentRequests(fetchMock).some((request) => new URL(request.url).searchParams.get('unread') === 'true')).toBe(
      true,
    );
  }, 60_000);

  it('withdraws a published notice with a reason', async () => {
    const published = publication({
      status: 'published',
      statusLabel: '公开中',
      slug: 'Zx9',
      replacements: [],
      version: 5,
    });
    const fetchMock = stubPublications({
      'GET /api/inspections/:id/publications': json({ items: [summary(published)] }),
      [`GET /api/publications/${PUBLICATION_ID}`]: json(published),
      [`GET /api/publications/${PUBLICATION_ID}/feedback`]: json({
        items: [],
        total: 0,
        unread: 0,
        page: 1,
        pageSize: 20,
      }),
      [`POST /api/publications/${PUBLICATION_ID}/withdraw`]: json({
        ...published,
        status: 'withdrawn',
        statusLabel: '已撤回',
        withdrawnAt: '2024-07-20T02:00:00.000Z',
        withdrawReason: '数据有误，更正后重新发布',
        version: 6,
      }),
    });
    const user = userEvent.setup();
    renderApp('/publications');

    await user.click(await screen.findByRole('button', { name: twoChars('撤回') }));
    const dialog = await findDialog('撤回通报');
    await user.click(within(dialog).getByRole('button', { name: '确认撤回' }));
    expect(await within(dialog).findByText('请填写撤回原因')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('撤回原因'), '数据有误，更正后重新发布');
    await user.click(within(dialog).getByRole('button', { name: '确认撤回' }));

    expect(await screen.findByText('撤回原因：数据有误，更正后重新发布')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'POST', `/api/publications/${PUBLICATION_ID}/withdraw`)).toEqual([
      { version: 5, reason: '数据有误，更正后重新发布' },
    ]);
  }, 60_000);

  it('shows the no-access page to a supervisor', async () => {
    stubApi({ 'GET /api/auth/me': json(sessionUser({ roles: ['supervisor'], unitName: null })) });
    renderApp('/publications');
    expect(await screen.findByText('此页面供整改专班使用')).toBeInTheDocument();
  });
});
