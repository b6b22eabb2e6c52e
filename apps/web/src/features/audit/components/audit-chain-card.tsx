import { ReloadOutlined } from '@ant-design/icons';
import { AUDIT_CHAIN_BREAK_LABELS } from '@zhenggai/domain';
import { Alert, Button } from 'antd';
import { useAuditChain } from '@/features/audit/api/get-audit-chain';
import { formatDateTime } from '@/lib/format';

/** The state of the audit trail's hash chain: green when intact, red naming the first broken record. */
export function AuditChainCard() {
  const chain = useAuditChain();
  const recheck = (
    <Button
      size="small"
      icon={<ReloadOutlined aria-hidden />}
      loading={chain.isFetching}
      onClick={() => void chain.refetch()}
    >
      重新校验
    </Button>
  );
  if (chain.isPending)
    return <Alert role="status" type="info" showIcon title="正在校验审计链…" style={{ marginTop: 16 }} />;
  if (chain.isError)
    return (
      <Alert
        role="alert"
        type="warning"
        showIcon
        title="审计链校验失败，请稍后重试"
        action={recheck}
        style={{ marginTop: 16 }}
      />
    );
  const state = chain.data;
  const broken = state.firstBroken;
  if (state.intact || !broken)
    return (
      <Alert
        role="status"
        type="success"
        showIcon
        title={`审计链完整（${state.rows} 条，最后校验时间 ${formatDateTime(state.checkedAt)}）`}
        description={state.lastSeq ? `最后一条 seq=${state.lastSeq}` : undefined}
        action={recheck}
        style={{ marginTop: 16 }}
      />
    );
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={`审计链断裂：第一处断点 seq=${broken.seq ?? '无'}（记录 ${broken.id}，${formatDateTime(broken.at)}）`}
      description={`${AUDIT_CHAIN_BREAK_LABELS[broken.reason] ?? broken.reason}：${broken.detail}。此前 ${state.rows} 条记录完好；最后校验时间 ${formatDateTime(state.checkedAt)}`}
      action={recheck}
      style={{ marginTop: 16 }}
    />
  );
}
