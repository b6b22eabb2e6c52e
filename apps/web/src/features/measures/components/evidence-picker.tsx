import { Checkbox, Flex, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { formatFileSize } from '@/lib/format';
import { useMeasureAttachments } from '../api/get-measure-attachments';
import { AttachmentUploader } from './attachment-uploader';

export interface EvidenceMeasure {
  id: string;
  /** e.g. 一(1) 建立健全排水设施巡查制度 */
  label: string;
}

function MeasureEvidence({ measure }: { measure: EvidenceMeasure }) {
  const attachments = useMeasureAttachments(measure.id);
  return (
    <Flex vertical gap={4} role="group" aria-label={`${measure.label} 的佐证材料`}>
      <Typography.Text strong ellipsis={{ tooltip: measure.label }}>
        {measure.label}
      </Typography.Text>
      {attachments.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 1 }} />
      ) : attachments.isError ? (
        <Typography.Text type="danger">佐证材料加载失败，请刷新重试</Typography.Text>
      ) : attachments.data.length === 0 ? (
        <Typography.Text type="secondary">暂无佐证材料</Typography.Text>
      ) : (
        attachments.data.map((attachment) => (
          <Checkbox key={attachment.id} value={attachment.id}>
            {attachment.name}
            <Typography.Text type="secondary"> （{formatFileSize(attachment.size)}）</Typography.Text>
          </Checkbox>
        ))
      )}
    </Flex>
  );
}

/**
 * Chooses evidence (佐证材料) among the files of several measures, and uploads new ones to a chosen measure (the new
 * file is chosen at once). A form control: `value`/`onChange` are the chosen attachment ids.
 */
export function EvidencePicker({
  measures,
  value,
  onChange,
}: {
  measures: EvidenceMeasure[];
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const [target, setTarget] = useState(measures[0]?.id);
  if (measures.length === 0 || !target) return null;
  return (
    <Flex vertical gap={12}>
      <Checkbox.Group value={value ?? []} onChange={(ids) => onChange?.(ids)} style={{ width: '100%' }}>
        <Flex vertical gap={12} style={{ width: '100%' }}>
          {measures.map((measure) => (
            <MeasureEvidence key={measure.id} measure={measure} />
          ))}
        </Flex>
      </Checkbox.Group>
      {measures.length > 1 && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">新上传的材料归入措施</Typography.Text>
          <Select
            aria-label="上传到措施"
            value={target}
            onChange={setTarget}
            options={measures.map((measure) => ({ value: measure.id, label: measure.label }))}
            style={{ width: '100%' }}
          />
        </Flex>
      )}
      <AttachmentUploader
        measureId={target}
        compact
        onUploaded={(attachment) => onChange?.([...(value ?? []), attachment.id])}
      />
    </Flex>
  );
}
