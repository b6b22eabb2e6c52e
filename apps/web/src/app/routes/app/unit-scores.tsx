import { lazy, Suspense } from 'react';
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Tag } from 'antd';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { DownloadButton } from '@/components/ui/download-button';
import { InspectionPage } from '@/features/inspections/components/inspection-page';
import { exportUnitScores, exportUnitScoresUrl } from '@/features/scoring/api/export-unit-scores';
import { useUnitScores } from '@/features/scoring/api/get-unit-scores';
import { RankingTable } from '@/features/scoring/components/ranking-table';
import { scoringPermissions } from '@/features/scoring/utils/permissions';
import { hasBusinessAccess, roleLabels, useSessionUser } from '@/lib/auth';

// the weights panel (Form, InputNumber, the validator) loads after the ranking, the page's first content
const ScoringWeightsForm = lazy(() =>
  import('@/features/scoring/components/scoring-weights-form').then((m) => ({ default: m.ScoringWeightsForm })),
);

function ExportButton({ inspectionId }: { inspectionId: string }) {
  return (
    <DownloadButton
      href={exportUnitScoresUrl(inspectionId)}
      fetchFile={() => exportUnitScores(inspectionId)}
      icon={<FileExcelOutlined aria-hidden />}
    >
      导出 Excel
    </DownloadButton>
  );
}

function Ranking({ inspectionId, canEdit }: { inspectionId: string; canEdit: boolean }) {
  const scores = useUnitScores(inspectionId);
  const ranking = (
    <Card
      variant="borderless"
      title="各单位考核得分"
      extra={<ExportButton inspectionId={inspectionId} />}
      aria-label="各单位考核得分"
    >
      {scores.isError ? (
        <QueryError error={scores.error} onRetry={() => scores.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          {scores.data && (
            <Alert
              type="info"
              showIcon
              aria-label="计分公式"
              title={scores.data.formula.text}
              description="完成率、按期率、报送及时率按 0–100% 计入；名次相同表示得分相同。"
            />
          )}
          <RankingTable items={scores.data?.items ?? []} loading={scores.isPending || scores.isFetching} />
        </Flex>
      )}
    </Card>
  );
  if (!canEdit) return ranking;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={16}>
        {ranking}
      </Col>
      <Col xs={24} xxl={8}>
        <Suspense fallback={null}>
          <ScoringWeightsForm inspectionId={inspectionId} />
        </Suspense>
      </Col>
    </Row>
  );
}

/** 考核排名: each unit's score and rank under the inspection's formula; officers set the weights (评分权重). */
export function UnitScoresRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  const permissions = scoringPermissions(user);
  return (
    <>
      <title>考核排名 · 整改工作台</title>
      <InspectionPage title="考核排名" tag={permissions.editWeights ? null : <Tag color="default">只读</Tag>}>
        {(inspection) => <Ranking inspectionId={inspection.id} canEdit={permissions.editWeights} />}
      </InspectionPage>
    </>
  );
}
