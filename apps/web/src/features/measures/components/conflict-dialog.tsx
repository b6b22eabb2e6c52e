import { App, Skeleton, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { type MeasureAction, canTransitionMeasure, type MeasureActor } from '@zhenggai/domain';
import { useState } from 'react';
import { VersionConflictModal, type ConflictRow } from '@/components/ui/version-conflict-modal';
import { errorMessage, isVersionConflict, type ApiError } from '@/lib/api-client';
import { EMPTY_TEXT, formatDate, formatDateTime, measureRef } from '@/lib/format';
import { invalidateMeasureData } from '@/lib/query-keys';
import { useMeasureHistory } from '../api/get-measure-history';
import type { Measure } from '../api/get-measures';

export interface AttemptedChange {
  label: string;
  value: string;
}

export interface ConflictState {
  /** The measure as the user saw it when they started. */
  seen: Measure;
  /** The measure as it is now (the 409's `current`). */
  current: Measure;
  actionLabel: string;
  /** A workflow step is offered again only if it is still allowed from the current status. */
  action?: MeasureAction;
  changes: AttemptedChange[];
  /** Sends the same change again, against the version the user has now seen. */
  reapply: (version: number) => Promise<unknown>;
}

type Field = { key: string; label: string; text: (measure: Measure) => string };

// the fields a user can see change under them, in the order of the measure card
const FIELDS: Field[] = [
  { key: 'status', label: '状态', text: (m) => m.statusLabel },
  { key: 'deadline', label: '完成时限', text: (m) => formatDate(m.deadline) },
  { key: 'term', label: '整改类型', text: (m) => m.termLabel },
  { key: 'leadUnit', label: '牵头单位', text: (m) => m.leadUnit?.name ?? EMPTY_TEXT },
  { key: 'coUnits', label: '配合单位', text: (m) => m.coUnits.map((unit) => unit.name).join('、') || EMPTY_TEXT },
  { key: 'lead', label: '措施要点', text: (m) => m.lead ?? EMPTY_TEXT },
  { key: 'text', label: '措施内容', text: (m) => m.text },
  { key: 'responsibleLeader', label: '责任领导', text: (m) => m.responsibleLeader?.name ?? EMPTY_TEXT },
  { key: 'remarks', label: '备注', text: (m) => m.remarks ?? EMPTY_TEXT },
  {
    key: 'units',
    label: '各单位进度',
    text: (m) => m.units.map((unit) => `${unit.name}：${unit.statusLabel} ${unit.progress}%`).join('；'),
  },
];

function diffRows(state: ConflictState): ConflictRow[] {
  const mine = new Map(state.changes.map((change) => [change.label, change.value]));
  const rows: ConflictRow[] = [];
  for (const field of FIELDS) {
    const seen = field.text(state.seen);
    const current = field.text(state.current);
    if (seen !== current || mine.has(field.label)) {
      rows.push({ key: field.key, label: field.label, seen, current, mine: mine.get(field.label) ?? '未修改' });
      mine.delete(field.label);
    }
  }
  for (const [label, value] of mine)
    rows.push({ key: label, label, seen: EMPTY_TEXT, current: EMPTY_TEXT, mine: value });
  return rows;
}

/** A measure object from a 409 body: the API sends the measure as the actor may see it. */
export function conflictCurrent(error: ApiError): Measure | null {
  const current = error.current as Partial<Measure> | null | undefined;
  return current && typeof current.id === 'string' && typeof current.version === 'number' ? (current as Measure) : null;
}

function LastChange({ measureId }: { measureId: string }) {
  const history = useMeasureHistory(measureId);
  if (history.isPending) return <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  const last = history.data?.[0];
  if (!last) return null;
  return (
    <Typography.Paragraph style={{ marginBottom: 0 }}>
      最近一次修改：
      <Typography.Text strong>{last.actor?.name ?? '系统'}</Typography.Text>
      {last.unit && `（${last.unit.name}）`}于 {formatDateTime(last.occurredAt)} {last.actionLabel}
      {last.opinion && `，意见：${last.opinion}`}
    </Typography.Paragraph>
  );
}

export function ConflictDialog({
  state,
  actor,
  onReapplyConflict,
  onClose,
}: {
  state: ConflictState;
  actor: MeasureActor;
  onReapplyConflict: (next: ConflictState) => void;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [errorText, setErrorText] = useState<string | null>(null);
  const allowed = state.action ? canTransitionMeasure(state.action, state.current, actor) : { ok: true as const };
  const rows = diffRows(state);

  const reload = async () => {
    await invalidateMeasureData(queryClient);
    onClose();
  };
  const reapply = async () => {
    setSaving(true);
    setErrorText(null);
    try {
      await state.reapply(state.current.version);
      message.success(`已按最新数据重新提交：${state.actionLabel}`);
      await invalidateMeasureData(queryClient);
      onClose();
    } catch (error) {
      const current = isVersionConflict(error) ? conflictCurrent(error) : null;
      if (current) onReapplyConflict({ ...state, seen: state.current, current });
      else setErrorText(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <VersionConflictModal
      title={`措施 ${measureRef(state.current.problemLabel, state.current.seq)} 在您办理“${state.actionLabel}”期间已被他人修改，本次未保存，以免覆盖他人的修改。`}
      lastChange={<LastChange measureId={state.current.id} />}
      rows={rows}
      reapplyBlocked={allowed.ok ? null : `不能重新提交：${allowed.message}`}
      saving={saving}
      errorText={errorText}
      onReload={() => void reload()}
      onReapply={() => void reapply()}
    />
  );
}
