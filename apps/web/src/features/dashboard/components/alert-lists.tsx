import { Badge, Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MeasureStatusTag } from '@/components/ui/status-tags';
import { EMPTY_TEXT, formatDate, measureRef } from '@/lib/format';
import type { InspectionStatistics } from '../api/get-inspection-statistics';

type AlertItem = InspectionStatistics['overdueList'][number] | InspectionStatistics['dueSoonList'][number];

// shown in full on the measure's problem page; the card only needs enough to recognise it
const SHOWN = 8;

function AlertRow({ item, badge }: { item: AlertItem; badge: string }) {
  return (
    <li className="zg-alert-item">
      <Link to={`/problems/${item.problemId}#measure-${item.id}`} className="zg-alert-link">
        <Flex justify="space-between" align="flex-start" gap={8}>
          <span className="zg-alert-main">
            <Typography.Text strong className="zg-alert-ref">
              {measureRef(item.problemLabel, item.seq)}
            </Typography.Text>
            <Typography.Text className="zg-alert-text" ellipsis>
              {item.text}
            </Typography.Text>
          </span>
          <span className="zg-alert-badge">{badge}</span>
        </Flex>
        <Typography.Text type="secondary" className="zg-row-meta">
          {item.leadUnit?.name ?? EMPTY_TEXT} · 时限 {formatDate(item.deadline)} ·{' '}
          <MeasureStatusTag status={item.status} label={item.statusLabel} />
        </Typography.Text>
      </Link>
    </li>
  );
}

function AlertCard({
  title,
  count,
  color,
  items,
  badge,
  emptyText,
  moreTo,
  action,
}: {
  action?: ReactNode;
  title: string;
  count: number;
  color: string;
  items: AlertItem[];
  badge: (item: AlertItem) => string;
  emptyText: string;
  moreTo: string;
}) {
  return (
    <Card
      variant="borderless"
      className="zg-alert-card"
      title={
        <Flex align="center" gap={8}>
          <Badge color={color} />
          {title}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {count} 项
          </Typography.Text>
        </Flex>
      }
      extra={
        count > 0 && (
          <Flex gap={12} align="center">
            {action}
            <Link to={moreTo}>在台账中查看</Link>
          </Flex>
        )
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      ) : (
        <ul className="zg-alert-list" aria-label={title}>
          {items.slice(0, SHOWN).map((item) => (
            <AlertRow key={item.id} item={item} badge={badge(item)} />
          ))}
        </ul>
      )}
      {items.length > SHOWN && (
        <Typography.Text type="secondary" className="zg-help-text">
          另有 {items.length - SHOWN} 项，请在台账中查看
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * 逾期 and 临期 measures, most urgent first, each linking to its problem. `overdueAction` is put on the overdue card
 * (the officer's 一键催办, composed by the route).
 */
export function AlertLists({
  stats,
  inspectionQuery,
  overdueAction,
}: {
  stats: InspectionStatistics;
  inspectionQuery: string;
  overdueAction?: ReactNode;
}) {
  const ledger = (light: string) => `/problems?${[inspectionQuery, `light=${light}`].filter(Boolean).join('&')}`;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <AlertCard
          title="逾期措施"
          count={stats.measures.overdue}
          color="#d92d20"
          items={stats.overdueList}
          badge={(item) => ('daysOverdue' in item ? `逾期 ${item.daysOverdue} 天` : '')}
          emptyText="没有逾期的措施"
          moreTo={ledger('red')}
          action={overdueAction}
        />
      </Col>
      <Col xs={24} lg={12}>
        <AlertCard
          title={`${stats.dueSoonDays}日内到期`}
          count={stats.measures.dueSoon}
          color="#e6a700"
          items={stats.dueSoonList}
          badge={(item) => ('daysLeft' in item ? (item.daysLeft === 0 ? '今天到期' : `剩 ${item.daysLeft} 天`) : '')}
          emptyText={`${stats.dueSoonDays}日内没有到期的措施`}
          moreTo={ledger('yellow')}
        />
      </Col>
    </Row>
  );
}

/** 问责、建章立制、追缴资金 so far. */
export function OutcomeSummary({ stats }: { stats: InspectionStatistics }) {
  const { outcomes } = stats;
  return (
    <Card variant="borderless" title="整改成果" className="zg-outcomes-card">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Statistic title="问责（人）" value={outcomes.accountability.people} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="问责（人次）" value={outcomes.accountability.personTimes} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="建章立制（项）" value={outcomes.rules} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="追缴挽回资金（万元）" value={outcomes.funds} precision={outcomes.funds % 1 === 0 ? 0 : 2} />
        </Col>
      </Row>
    </Card>
  );
}
