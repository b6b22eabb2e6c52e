import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/test-utils';

const NOTICE = {
  title: '中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报',
  text: '根据省委巡视工作统一部署……\n\n一、巡视整改组织领导情况\n\n党工委坚决扛起巡视整改责任。',
  issuer: '中共武汉经开区党工委',
  publishedAt: '2024-07-18T03:16:00.000Z',
  publicityFrom: '2024-07-18',
  publicityTo: '2024-08-08',
  contactPhone: '027-84851224',
  contactHours: '工作日8:30—17:30',
  contactEmail: null,
  feedbackOpen: true,
};

describe('public notice page', () => {
  it('shows the published text, the publicity period and the contact without a session', async () => {
    stubApi({ 'GET /api/public/notices/:slug': json(NOTICE) });
    renderApp('/public/notices/abc123');
    expect(await screen.findByRole('heading', { name: NOTICE.title })).toBeInTheDocument();
    expect(screen.getByText('一、巡视整改组织领导情况')).toBeInTheDocument();
    expect(screen.getByText(/027-84851224/)).toBeInTheDocument();
  });

  it('sends an opinion and thanks the writer', async () => {
    const fetchMock = stubApi({
      'GET /api/public/notices/:slug': json(NOTICE),
      'POST /api/public/notices/:slug/feedback': json({ received: true }, 201),
    });
    const user = userEvent.setup();
    renderApp('/public/notices/abc123');
    await user.click(await screen.findByRole('button', { name: '提交' }));
    expect(await screen.findByText('请填写意见建议')).toBeInTheDocument();
    await user.type(screen.getByLabelText('意见建议'), '建议公开退垸还湖的后续进度');
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('已收到您的意见建议，感谢您的监督。')).toBeInTheDocument();
    const post = sentRequests(fetchMock).find((request) => request.method === 'POST')!;
    expect(await post.clone().json()).toEqual({ content: '建议公开退垸还湖的后续进度' });
  });

  it('closes the form after the publicity period and explains an unknown link', async () => {
    stubApi({ 'GET /api/public/notices/:slug': json({ ...NOTICE, feedbackOpen: false }) });
    const { unmount } = renderApp('/public/notices/abc123');
    expect(await screen.findByText('公开期限已过，不再通过本页面受理意见建议。')).toBeInTheDocument();
    unmount();
    stubApi({ 'GET /api/public/notices/:slug': apiError(404, 'NOT_FOUND', '请求的内容不存在或无权查看') });
    renderApp('/public/notices/nope');
    expect(await screen.findByText('通报不存在或已撤回')).toBeInTheDocument();
  });
});
