import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Schemas } from '@zhenggai/api-client';
import { DEFAULT_SCORING_WEIGHTS, describeScoringFormula } from '@zhenggai/domain';
import { describe, expect, it } from 'vitest';
import { inspection, page, sessionUser } from '@/testing/data-generators';
import { apiError, json, sentRequests, stubApi } from '@/testing/fake-api';
import { renderApp, sentBodies, waitForLoaded } from '@/testing/test-utils';

type UnitScore = Schemas['UnitScoreDto'];
type Policy = Schemas['ScoringPolicyDto'];

const demo = inspection();
const officer = sessionUser();
const supervisor = sessionUser({ username: 'supervisor', displayName: '纪检监督', roles: ['supervisor'] });
const formulaText = describeScoringFormula(DEFAULT_SCORING_WEIGHTS);

function score(
  name: string,
  id: string,
  value: number,
  rank: number,
  overrides: Partial<UnitScore['components']> = {},
) {
  return {
    unit: { id, name },
    score: value,
    rank,
    components: {
      completionRate: 0.75,
      onTimeRate: 0.75,
      reportPunctuality: 0.625,
      returnedCount: 1,
      reboundCount: 0,
      urgedCount: 2,
      measures: 4,
      ...overrides,
    },
  } satisfies UnitScore;
}

// by rank, as the API answers; 区财政局 has the most measures but the lowest score
const scores = {
  formula: { weights: DEFAULT_SCORING_WEIGHTS, text: formulaText },
  items: [
    score('区水务和湖泊局', 'a0000000-0000-4000-8000-000000000001', 82.5, 1, { completionRate: 0.8333, measures: 6 }),
    score('区住房和城市更新局', 'a0000000-0000-4000-8000-000000000002', 63.5, 2, { measures: 2 }),
    score('区财政局', 'a0000000-0000-4000-8000-000000000003', 40, 3, { measures: 9, returnedCount: 4 }),
  ],
};

const policy: Policy = {
  inspectionId: demo.id,
  weights: DEFAULT_SCORING_WEIGHTS,
  isDefault: true,
  text: formulaText,
  updatedBy: null,
  updatedAt: null,
  version: 1,
};

function stubScores(user = officer, overrides: Parameters<typeof stubApi>[0] = {}) {
  return stubApi({
    'GET /api/auth/me': json(user),
    'GET /api/inspections': json(page([demo])),
    'GET /api/inspections/:id/unit-scores': json(scores),
    'GET /api/inspections/:id/scoring-policy': json(policy),
    ...overrides,
  });
}

// antd renders a hidden measuring copy of the header of a scrolling table: the first is the visible one
const header = (table: HTMLElement, title: string) => within(table).getAllByText(title)[0];

const unitColumn = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelectorAll('td')[1]?.textContent);

describe('考核排名', () => {
  it('shows the formula and the units by rank, with every component', async () => {
    stubScores();
    renderApp('/unit-scores');

    const table = await screen.findByRole('table', { name: '考核排名' });
    await waitForLoaded();
    expect(await screen.findByLabelText('计分公式')).toHaveTextContent(formulaText);
    expect(unitColumn(table)).toEqual(['区水务和湖泊局', '区住房和城市更新局', '区财政局']);
    const first = within(table).getAllByRole('row')[1];
    expect(
      within(first)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['1', '区水务和湖泊局', '82.5', '83.33%', '75%', '62.5%', '1', '0', '2', '6']);
    expect(screen.getByRole('link', { name: /导出 Excel/ })).toHaveAttribute(
      'href',
      `/api/inspections/${demo.id}/unit-scores/export.xlsx`,
    );
  });

  it('sorts by 得分 and by 措施数', async () => {
    stubScores();
    const user = userEvent.setup();
    renderApp('/unit-scores');

    const table = await screen.findByRole('table', { name: '考核排名' });
    await waitForLoaded();
    // ascending, then descending
    await user.click(header(table, '得分'));
    expect(unitColumn(table)).toEqual(['区财政局', '区住房和城市更新局', '区水务和湖泊局']);
    await user.click(header(table, '得分'));
    expect(unitColumn(table)).toEqual(['区水务和湖泊局', '区住房和城市更新局', '区财政局']);
    await user.click(header(table, '措施数'));
    expect(unitColumn(table)).toEqual(['区住房和城市更新局', '区水务和湖泊局', '区财政局']);
  });

  it('lets an officer change a weight, previewing the formula, and saves it with the version read', async () => {
    const saved: Policy = {
      ...policy,
      weights: { ...DEFAULT_SCORING_WEIGHTS, completion: 60, onTime: 20 },
      isDefault: false,
      text: describeScoringFormula({ ...DEFAULT_SCORING_WEIGHTS, completion: 60, onTime: 20 }),
      updatedBy: { id: officer.id, name: officer.displayName },
      updatedAt: '2024-07-26T02:00:00.000Z',
      version: 2,
    };
    const fetchMock = stubScores(officer, { 'PUT /api/inspections/:id/scoring-policy': json(saved) });
    const user = userEvent.setup();
    renderApp('/unit-scores');

    const form = await screen.findByRole('form', { name: '评分权重' });
    const completion = within(form).getByRole('spinbutton', { name: '完成率（满分）' });
    await user.clear(completion);
    await user.type(completion, '60');
    // the positive weights no longer sum to 100: the same check as the API's refuses it
    expect(
      await screen.findByText('完成率、按期率、报送及时率的分值合计须为 100 分（现为 110 分）'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存权重' })).toBeDisabled();

    const onTime = within(form).getByRole('spinbutton', { name: '按期率（满分）' });
    await user.clear(onTime);
    await user.type(onTime, '20');
    expect(screen.getByLabelText('公式预览')).toHaveTextContent(
      '得分 = 完成率×60 + 按期率×20 + 报送及时率×20 − 退回次数×2 − 反弹次数×5 − 被催办次数×1（最低0分）',
    );
    await user.click(screen.getByRole('button', { name: '保存权重' }));

    expect(await screen.findByText('评分权重已保存，排名已按新权重计算')).toBeInTheDocument();
    expect(await sentBodies(sentRequests(fetchMock), 'PUT', `/api/inspections/${demo.id}/scoring-policy`)).toEqual([
      { version: 1, weights: { ...DEFAULT_SCORING_WEIGHTS, completion: 60, onTime: 20 } },
    ]);
    // the scores are asked for again under the new weights
    await waitFor(() =>
      expect(
        sentRequests(fetchMock).filter((request) => request.url.endsWith(`/api/inspections/${demo.id}/unit-scores`)),
      ).toHaveLength(2),
    );
  });

  it('loads what another officer saved when the save meets a 409', async () => {
    const theirs: Policy = {
      ...policy,
      weights: { ...DEFAULT_SCORING_WEIGHTS, urged: 3 },
      isDefault: false,
      updatedBy: { id: 'someone', name: '王强' },
      updatedAt: '2024-07-26T02:00:00.000Z',
      version: 2,
    };
    let current = policy;
    stubScores(officer, {
      'GET /api/inspections/:id/scoring-policy': () => json(current),
      'PUT /api/inspections/:id/scoring-policy': () => {
        current = theirs;
        return apiError(409, 'VERSION_CONFLICT', '数据已被他人修改');
      },
    });
    const user = userEvent.setup();
    renderApp('/unit-scores');

    const form = await screen.findByRole('form', { name: '评分权重' });
    const rebound = within(form).getByRole('spinbutton', { name: '反弹次数（每次扣分）' });
    await user.clear(rebound);
    await user.type(rebound, '8');
    await user.click(screen.getByRole('button', { name: '保存权重' }));

    expect(await screen.findByText('评分权重已被其他人修改，已载入最新权重，请确认后再保存')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(form).getByRole('spinbutton', { name: '被催办次数（每次扣分）' })).toHaveValue('3'),
    );
    expect(within(form).getByRole('spinbutton', { name: '反弹次数（每次扣分）' })).toHaveValue('5');
    expect(screen.getByText(/王强 于/)).toBeInTheDocument();
  });

  it('gives a supervisor the ranking without the weights editor', async () => {
    stubScores(supervisor);
    renderApp('/unit-scores');

    expect(await screen.findByRole('table', { name: '考核排名' })).toBeInTheDocument();
    expect(await screen.findByLabelText('计分公式')).toHaveTextContent(formulaText);
    expect(screen.getByText('只读')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '评分权重' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存权重' })).not.toBeInTheDocument();
  });
});
