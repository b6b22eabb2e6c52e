import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatPercent } from '@/lib/format';
import type { InspectionStatistics } from '../api/get-inspection-statistics';

interface Kpi {
  key: string;
  title: string;
  value: number | string;
  suffix?: string;
  color?: string;
  /** Where the figure leads: the ledger filtered to it, or the review queue. */
  to?: string;
  note?: ReactNode;
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const body = (
    <Statistic
      title={kpi.title}
      value={kpi.value}
      suffix={kpi.suffix}
      styles={{ content: { color: kpi.color, fontWeight: 600 } }}
    />
  );
  return (
    <Card variant="borderless" className="zg-kpi" hoverable={Boolean(kpi.to)} size="small">
      {kpi.to ? (
        <Link to={kpi.to} className="zg-kpi-link" aria-label={`${kpi.title} ${kpi.value}${kpi.suffix ?? ''}，查看明细`}>
          {body}
        </Link>
      ) : (
        body
      )}
      {kpi.note && (
        <Typography.Text type="secondary" className="zg-kpi-note">
          {kpi.note}
        </Typography.Text>
      )}
    </Card>
  );
}

/** The headline figures: problems (问题总数 … 完成率) and the measures that need attention now. */
export function KpiCards({
  stats,
  inspectionQuery,
  reviewsPath,
}: {
  stats: InspectionStatistics;
  /** `inspectionId=…` so that the ledger opens on the same inspection. */
  inspectionQuery: string;
  /** 待审核 leads to the review queue for officers; others see it in the ledger. */
  reviewsPath: string | null;
}) {
  const { problems, measures } = stats;
  const ledger = (filter: string) => `/problems?${[inspectionQuery, filter].filter(Boolean).join('&')}`;
  const problemKpis: Kpi[] = [
    { key: 'total', title: '问题总数', value: problems.total, suffix: '个', to: ledger('') },
    {
      key: 'completed',
      title: '已完成',
      value: problems.completed,
      suffix: '个',
      color: '#16a34a',
      to: ledger('status=completed'),
    },
    {
      key: 'deemed',
      title: '视同完成',
      value: problems.deemedCompleted,
      suffix: '个',
      color: '#2563eb',
      to: ledger('status=deemed_completed'),
    },
    {
      key: 'open',
      title: '未完成',
      value: problems.inProgress,
      suffix: '个',
      color: '#d97706',
      to: ledger('status=in_progress'),
    },
    {
      key: 'rate',
      title: '完成率',
      value: formatPercent(stats.completionRate),
      color: '#b42318',
      note: stats.countDeemedAsComplete ? '含视同完成' : '不含视同完成',
    },
  ];
  const measureKpis: Kpi[] = [
    {
      key: 'overdue',
      title: '措施逾期',
      value: measures.overdue,
      suffix: '项',
      color: '#d92d20',
      to: ledger('light=red'),
    },
    {
      key: 'dueSoon',
      title: `${stats.dueSoonDays}日内到期`,
      value: measures.dueSoon,
      suffix: '项',
      color: '#d97706',
      to: ledger('light=yellow'),
    },
    {
      key: 'pending',
      title: '待审核',
      value: measures.awaitingSignOff,
      suffix: '项',
      color: '#b45309',
      to: reviewsPath ?? undefined,
    },
  ];
  return (
    <section aria-label="整改概况" className="zg-kpis">
      <Row gutter={[12, 12]}>
        {problemKpis.map((kpi) => (
          <Col key={kpi.key} xs={12} sm={8} lg={5} xl={3}>
            <KpiCard kpi={kpi} />
          </Col>
        ))}
        {measureKpis.map((kpi) => (
          <Col key={kpi.key} xs={12} sm={8} lg={5} xl={3}>
            <KpiCard kpi={kpi} />
          </Col>
        ))}
      </Row>
    </section>
  );
}

export function KpiCardsSkeleton() {
  return (
    <Row gutter={[12, 12]} aria-busy="true" aria-label="正在加载整改概况">
      {Array.from({ length: 8 }, (_, index) => (
        <Col key={index} xs={12} sm={8} lg={5} xl={3}>
          <Card variant="borderless" size="small">
            <Skeleton active title={false} paragraph={{ rows: 2 }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
