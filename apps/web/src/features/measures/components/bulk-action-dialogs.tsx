// The bulk toolbar's dialogs, downloaded when one opens (DatePicker, Form and Table stay out of the ledger's first visit).
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Modal, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { formatDate, measureRef } from '@/lib/format';
import type { Measure } from '../api/get-measures';
import { setMeasureUnits } from '../api/set-measure-units';
import { updateMeasure } from '../api/update-measure';
import { AssignUnitsFields, type AssignValues, type UnitOption } from './edit-modals';
import { UrgeModal } from './urge-modal';

export interface BulkResult {
  id: string;
  ref: string;
  ok: boolean;
  message: string;
}

/** One request per measure, one after the other, each with the version the user saw; every row gets its outcome. */
export async function runBulk(
  measures: Measure[],
  apply: (measure: Measure) => Promise<unknown>,
  success: string,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const measure of measures) {
    const ref = measureRef(measure.problemLabel, measure.seq);
    try {
      await apply(measure);
      results.push({ id: measure.id, ref, ok: true, message: success });
    } catch (error) {
      results.push({
        id: measure.id,
        ref,
        ok: false,
        message: isVersionConflict(error) ? '数据已被他人修改，未保存，请刷新后重新办理' : errorMessage(error),
      });
    }
  }
  return results;
}

export function BulkResults({
  title,
  results,
  onClose,
}: {
  title: string;
  results: BulkResult[];
  onClose: () => void;
}) {
  const failed = results.filter((result) => !result.ok).length;
  return (
    <Modal
      open
      title={`${title}结果`}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          知道了
        </Button>
      }
      width={640}
    >
      <Alert
        type={failed === 0 ? 'success' : failed === results.length ? 'error' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={`共 ${results.length} 项：成功 ${results.length - failed} 项，失败 ${failed} 项`}
      />
      <Table<BulkResult>
        aria-label="办理结果"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={results}
        columns={[
          { key: 'ref', title: '措施', dataIndex: 'ref', width: 96 },
          {
            key: 'ok',
            title: '结果',
            width: 88,
            render: (_, result) =>
              result.ok ? (
                <Typography.Text type="success">
                  <CheckCircleFilled aria-hidden /> 成功
                </Typography.Text>
              ) : (
                <Typography.Text type="danger">
                  <CloseCircleFilled aria-hidden /> 失败
                </Typography.Text>
              ),
          },
          { key: 'message', title: '说明', dataIndex: 'message' },
        ]}
      />
    </Modal>
  );
}

export function BulkAssignModal({
  measures,
  unitOptions,
  onClose,
  onDone,
}: {
  measures: Measure[];
  unitOptions: UnitOption[];
  onClose: () => void;
  onDone: (results: BulkResult[]) => void;
}) {
  const [form] = Form.useForm<AssignValues>();
  const [running, setRunning] = useState(false);
  const names = new Map(unitOptions.map((option) => [option.value, option.label]));
  const onFinish = async (values: AssignValues) => {
    setRunning(true);
    const body = { leadUnitId: values.leadUnitId, coUnitIds: values.coUnitIds ?? [] };
    const results = await runBulk(
      measures,
      (measure) => setMeasureUnits({ measureId: measure.id, version: measure.version, ...body }),
      `已分办至${names.get(body.leadUnitId) ?? '所选单位'}`,
    );
    setRunning(false);
    onDone(results);
  };
  return (
    <FormModal<AssignValues>
      title={`批量分办（${measures.length} 项措施）`}
      form={form}
      onFinish={(values) => void onFinish(values)}
      onCancel={onClose}
      submitting={running}
      okText="分办"
      initialValues={{ coUnitIds: [] }}
    >
      <Typography.Paragraph type="secondary">所选措施的牵头单位和配合单位将统一调整为：</Typography.Paragraph>
      <AssignUnitsFields unitOptions={unitOptions} />
    </FormModal>
  );
}

interface DeadlineValues {
  deadline: Dayjs | null;
}

export function BulkDeadlineModal({
  measures,
  onClose,
  onDone,
}: {
  measures: Measure[];
  onClose: () => void;
  onDone: (results: BulkResult[]) => void;
}) {
  const [form] = Form.useForm<DeadlineValues>();
  const [running, setRunning] = useState(false);
  const onFinish = async (values: DeadlineValues) => {
    setRunning(true);
    const deadline = values.deadline!.format('YYYY-MM-DD');
    const results = await runBulk(
      measures,
      (measure) => updateMeasure({ measureId: measure.id, version: measure.version, deadline }),
      `完成时限已调整为 ${formatDate(deadline)}`,
    );
    setRunning(false);
    onDone(results);
  };
  return (
    <FormModal<DeadlineValues>
      title={`批量调整时限（${measures.length} 项措施）`}
      form={form}
      onFinish={(values) => void onFinish(values)}
      onCancel={onClose}
      submitting={running}
      okText="调整"
    >
      <Form.Item label="新的完成时限" name="deadline" rules={[{ required: true, message: '请选择新的完成时限' }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Typography.Text type="secondary">调整将记入各措施的变更记录；已被他人修改的措施不会被覆盖。</Typography.Text>
    </FormModal>
  );
}

/**
 * The officer's toolbar for ticked measures: 批量分办 and 批量调整时限, with a per-row summary afterwards, and 批量催办
 * (one request: each person of the units is notified once).
 */

/** The open dialog of the bulk toolbar, or the outcome of the last bulk action. */
export function BulkDialogs({
  dialog,
  selected,
  unitOptions,
  results,
  onCloseDialog,
  onCloseResults,
  finish,
}: {
  dialog: 'assign' | 'deadline' | 'urge' | null;
  selected: Measure[];
  unitOptions: UnitOption[];
  results: { title: string; rows: BulkResult[] } | null;
  onCloseDialog: () => void;
  onCloseResults: () => void;
  finish: (title: string) => (rows: BulkResult[]) => void;
}) {
  return (
    <>
      {dialog === 'assign' && (
        <BulkAssignModal
          measures={selected}
          unitOptions={unitOptions}
          onClose={onCloseDialog}
          onDone={finish('批量分办')}
        />
      )}
      {dialog === 'deadline' && (
        <BulkDeadlineModal measures={selected} onClose={onCloseDialog} onDone={finish('批量调整时限')} />
      )}
      {dialog === 'urge' && (
        <UrgeModal
          target={{ measureIds: selected.map((measure) => measure.id) }}
          subject={`已选择的 ${selected.length} 项措施`}
          onClose={onCloseDialog}
        />
      )}
      {results && <BulkResults title={results.title} results={results.rows} onClose={onCloseResults} />}
    </>
  );
}
