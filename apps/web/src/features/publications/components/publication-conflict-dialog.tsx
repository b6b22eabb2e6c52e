import { useState } from 'react';
import {
  conflictRows,
  VersionConflictModal,
  type ConflictField,
  type ConflictRow,
} from '@/components/ui/version-conflict-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { EMPTY_TEXT, formatDate, formatDateTime } from '@/lib/format';
import type { Publication } from '../api/get-publication';
import type { UpdatePublicationBody } from '../api/update-publication';

export type PublicationChanges = Omit<UpdatePublicationBody, 'version'>;

export interface PublicationConflict {
  /** the notice as the user opened it */
  seen: Publication;
  /** the notice as it is now (the 409's `current`) */
  current: Publication;
  /** what the user tried to save */
  mine: PublicationChanges;
}

type Field = ConflictField<Partial<Publication>> & { key: keyof PublicationChanges | 'status' };

const clip = (text: string | null | undefined) =>
  !text ? EMPTY_TEXT : text.length > 60 ? `${text.slice(0, 60)}…（共 ${text.length} 字）` : text;

const FIELDS: Field[] = [
  { key: 'status', label: '状态', text: (p) => p.statusLabel ?? EMPTY_TEXT },
  { key: 'title', label: '标题', text: (p) => clip(p.title) },
  { key: 'publicityFrom', label: '公开开始日期', text: (p) => formatDate(p.publicityFrom) },
  { key: 'publicityTo', label: '公开结束日期', text: (p) => formatDate(p.publicityTo) },
  { key: 'contactPhone', label: '联系电话', text: (p) => p.contactPhone ?? EMPTY_TEXT },
  { key: 'contactHours', label: '接听时间', text: (p) => p.contactHours ?? EMPTY_TEXT },
  { key: 'contactEmail', label: '电子邮箱', text: (p) => p.contactEmail ?? EMPTY_TEXT },
  { key: 'text', label: '正文', text: (p) => clip(p.text) },
];

function conflictTable({ seen, current, mine }: PublicationConflict): ConflictRow[] {
  const edited: Partial<Publication> = { ...seen, ...mine };
  const mineText = Object.fromEntries(
    FIELDS.filter((field) => field.key !== 'status' && mine[field.key as keyof PublicationChanges] !== undefined).map(
      (field) => [field.key, field.text(edited)],
    ),
  );
  return conflictRows(FIELDS, seen, current, mineText);
}

/**
 * Someone else saved, published or withdrew the notice while the user edited it: nothing was saved. The user sees
 * what changed and chooses to load the current notice, or to save their own changes on top of it (drafts only).
 */
export function PublicationConflictDialog({
  conflict,
  onReload,
  onReapply,
}: {
  conflict: PublicationConflict;
  onReload: () => void;
  /** resolves when saved; rejects with the API's error */
  onReapply: (version: number) => Promise<unknown>;
}) {
  const [saving, setSaving] = useState(false);
  const [errorText, setErrorText] = useState<string | null>(null);
  const stillDraft = conflict.current.status === 'draft';
  const by = conflict.current.withdrawnBy ?? conflict.current.publishedBy;

  const reapply = async () => {
    setSaving(true);
    setErrorText(null);
    try {
      await onReapply(conflict.current.version);
    } catch (error) {
      // a further conflict is handled by the caller, which reopens this dialog with the newer notice
      if (!isVersionConflict(error)) setErrorText(errorMessage(error, '保存失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <VersionConflictModal
      heading="通报已被他人修改"
      title="您编辑期间，这份通报已被他人修改，本次未保存，以免覆盖他人的修改。"
      lastChange={`最近一次修改：${formatDateTime(conflict.current.updatedAt)}${by ? `，${by.name}` : ''}`}
      rows={conflictTable(conflict)}
      reloadLabel="放弃我的修改并载入最新内容"
      reapplyLabel="在最新内容上保存我的修改"
      reapplyBlocked={
        stillDraft ? null : `通报已${conflict.current.status === 'withdrawn' ? '撤回' : '发布'}，不能再修改。`
      }
      saving={saving}
      errorText={errorText}
      onReload={onReload}
      onReapply={() => void reapply()}
    />
  );
}
