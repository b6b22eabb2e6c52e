import { Card, Flex, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useReportRound, useReportRounds } from '@/features/report-rounds/api/get-report-rounds';
import { useRoundComparison } from '@/features/report-rounds/api/get-round-compilation';
import { RoundComparisonView } from '@/features/report-rounds/components/round-comparison';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

/** 两期对比 (/report-rounds/compare?a=&b=): two rounds of one inspection side by side; either can be changed. */
export function ReportRoundCompareRoute() {
  const [params, setParams] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const { data: user } = useSessionUser();
  const anchor = useReportRound(b || a);
  const rounds = useReportRounds(anchor.data?.inspectionId ?? '');
  const comparison = useRoundComparison(a, b);

  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  const options = (anchor.data ? (rounds.data ?? []) : []).map((round) => ({
    value: round.id,
    label: `${round.number} ${round.title}`,
  }));
  const pick = (key: 'a' | 'b') => (value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <title>两期对比 · 定期报送 · 整改工作台</title>
      <Flex vertical gap={16}>
        <Flex align="center" gap={8} wrap className="zg-page-heading">
          <Typography.Title level={3} className="zg-page-title">
            两期对比
          </Typography.Title>
          <Select
            aria-label="前一期"
            style={{ minWidth: 220 }}
            value={a || undefined}
            placeholder="选择一期"
            options={options}
            onChange={pick('a')}
          />
          <Typography.Text type="secondary">对比</Typography.Text>
          <Select
            aria-label="后一期"
            style={{ minWidth: 220 }}
            value={b || undefined}
            placeholder="选择一期"
            options={options}
            onChange={pick('b')}
          />
        </Flex>
        {comparison.isError ? (
          <QueryError error={comparison.error} onRetry={() => comparison.refetch()} />
        ) : comparison.data ? (
          <RoundComparisonView comparison={comparison.data} />
        ) : (
          <Card variant="borderless" aria-busy="true" aria-label="正在加载对比">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )}
      </Flex>
    </>
  );
}
