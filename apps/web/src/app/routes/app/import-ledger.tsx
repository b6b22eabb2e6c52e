import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Flex, Skeleton, Typography, Upload, type FormInstance, type UploadFile } from 'antd';
import { Result } from '@/components/ui/result';
import { lazy, Suspense, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import {
  useImportLedger,
  type LedgerImportResult,
  type LedgerMapping,
  type LedgerRowError,
} from '@/features/documents/api/import-ledger';
import { mappingFromValues, type LedgerMappingValues } from '@/features/documents/utils/ledger-mapping';
import { rowErrorsOf } from '@/features/documents/utils/ledger-row-errors';
import type { Inspection } from '@/features/inspections/api/get-inspections';
import { InspectionPage } from '@/features/inspections/components/inspection-page';
import { errorMessage, isApiError } from '@/lib/api-client';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser } from '@/lib/auth';
import { formatFileSize } from '@/lib/format';

// the check's plan and a refused import's row errors (Table, Descriptions, Statistic) load once the API has answered
const LedgerImportPlan = lazy(() =>
  import('@/features/documents/components/ledger-import-plan').then((m) => ({ default: m.LedgerImportPlan })),
);
const LedgerRowErrors = lazy(() =>
  import('@/features/documents/components/ledger-import-plan').then((m) => ({ default: m.LedgerRowErrors })),
);

// the optional column mapping (Form, Input, InputNumber) loads when its panel is first opened
const LedgerMappingForm = lazy(() =>
  import('@/features/documents/components/ledger-mapping-form').then((m) => ({ default: m.LedgerMappingForm })),
);

const MAX_FILE_BYTES = 40 * 1024 * 1024; // the API's LEDGER_IMPORT_MAX_BYTES
const ledgerUrl = (inspectionId: string) => `/problems?inspectionId=${encodeURIComponent(inspectionId)}`;

interface Checked {
  plan: LedgerImportResult;
  /** what the plan was made from: a commit sends exactly these again */
  file: File;
  mapping: LedgerMapping | undefined;
}

function LedgerImport({ inspection }: { inspection: Inspection }) {
  const importLedger = useImportLedger();
  const { message } = App.useApp();
  const navigate = useNavigate();
  // the mapping form while it is drawn (its panel opened once); its values live on here when it is not
  const mappingForm = useRef<FormInstance<LedgerMappingValues> | null>(null);
  const [mappingValues, setMappingValues] = useState<LedgerMappingValues>({});
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<LedgerImportResult | null>(null);
  const [errorText, setErrorText] = useState<string | null>(null);
  const [mappingErrors, setMappingErrors] = useState<string[]>([]);
  const [commitRowErrors, setCommitRowErrors] = useState<LedgerRowError[]>([]);
  const [mappingOpen, setMappingOpen] = useState<string[]>([]);

  // anything changed after the check makes its plan stale: check again before importing
  const invalidate = () => {
    setChecked(null);
    setErrorText(null);
    setMappingErrors([]);
    setCommitRowErrors([]);
  };

  const fail = (error: unknown, fallback: string) => {
    const fields = isApiError(error) ? error.errors : undefined;
    if (fields?.mapping) {
      setMappingErrors(fields.mapping);
      setMappingOpen(['mapping']);
    }
    if (isApiError(error) && error.code === 'IMPORT_ROWS_INVALID') setCommitRowErrors(rowErrorsOf(fields));
    setErrorText(errorMessage(error, fallback));
  };

  const check = async () => {
    if (!file) {
      setErrorText('请选择要导入的台账文件（.xlsx）');
      return;
    }
    let values: LedgerMappingValues;
    try {
      // a form never drawn is blank; one drawn before (the page showed a result since) was valid when last checked
      values = mappingForm.current ? await mappingForm.current.validateFields() : mappingValues;
    } catch {
      setMappingOpen(['mapping']);
      return;
    }
    invalidate();
    const mapping = mappingFromValues(values);
    importLedger.mutate(
      { inspectionId: inspection.id, file, dryRun: true, mapping },
      {
        onSuccess: (plan) => setChecked({ plan, file, mapping }),
        onError: (error) => fail(error, '检查失败，请稍后重试'),
      },
    );
  };

  const commit = () => {
    if (!checked) return;
    setErrorText(null);
    setCommitRowErrors([]);
    importLedger.mutate(
      { inspectionId: inspection.id, file: checked.file, dryRun: false, mapping: checked.mapping },
      {
        onSuccess: (result) => {
          setDone(result);
          message.success('台账已导入');
        },
        onError: (error) => {
          // the ledger changed since the check: the plan shown is no longer what would be written
          if (isApiError(error) && error.code === 'IMPORT_ROWS_INVALID') setChecked(null);
          fail(error, '导入失败，请稍后重试');
        },
      },
    );
  };

  if (done) {
    return (
      <Card variant="borderless">
        <Result
          status="success"
          title="台账已导入"
          subTitle={`新增措施 ${done.creates.length} 项，修改措施 ${done.updates.length} 项，${done.unchanged} 行无变化。`}
          extra={[
            <Button
              key="ledger"
              type="primary"
              href={ledgerUrl(inspection.id)}
              onClick={(event) => {
                event.preventDefault();
                navigate(ledgerUrl(inspection.id));
              }}
            >
              查看整改台账
            </Button>,
            <Button
              key="again"
              onClick={() => {
                setDone(null);
                setFile(null);
                invalidate();
                importLedger.reset();
              }}
            >
              继续导入
            </Button>,
          ]}
        />
      </Card>
    );
  }

  const fileList: UploadFile[] = file ? [{ uid: 'ledger', name: file.name, status: 'done', size: file.size }] : [];
  const plan = checked?.plan;
  const canCommit = Boolean(plan && plan.errors.length === 0 && plan.creates.length + plan.updates.length > 0);

  return (
    <>
      <Card variant="borderless" title="上传台账">
        <Flex vertical gap={16}>
          <Alert
            type="info"
            showIcon
            title="按“问题编号 + 措施序号”新增或修改整改措施"
            description="读取措施内容、牵头单位、责任单位、配合单位、责任领导、责任人、完成时限和备注；不读取状态、进展和佐证材料。先检查表格，确认无误后再导入，导入时全部成功或全部不写入。"
          />
          <Upload.Dragger
            name="file"
            accept=".xlsx"
            maxCount={1}
            fileList={fileList}
            beforeUpload={(picked) => {
              if (!/\.xlsx$/i.test(picked.name)) {
                message.error(`请上传 Excel 工作簿（.xlsx）：${picked.name}`);
                return Upload.LIST_IGNORE;
              }
              if (picked.size > MAX_FILE_BYTES) {
                message.error(`文件超过 40 MB，不能上传：${picked.name}`);
                return Upload.LIST_IGNORE;
              }
              setFile(picked);
              invalidate();
              // kept here and sent with 检查表格 and 确认导入
              return false;
            }}
            onRemove={() => {
              setFile(null);
              invalidate();
            }}
            className="zg-dragger"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">点击或将整改台账（.xlsx）拖到此处</p>
            <p className="ant-upload-hint">可使用“整改台账”页面导出的台账修改后导入，不超过 40 MB</p>
            {file && (
              <Typography.Text type="secondary">
                已选择：{file.name}（{formatFileSize(file.size)}）
              </Typography.Text>
            )}
          </Upload.Dragger>
          <Collapse
            activeKey={mappingOpen}
            onChange={(keys) => setMappingOpen(keys)}
            items={[
              {
                key: 'mapping',
                label: '列对应关系（可选）',
                children: (
                  <Flex vertical gap={8}>
                    {mappingErrors.length > 0 && (
                      <Alert
                        type="error"
                        showIcon
                        role="alert"
                        title="列对应关系不正确"
                        description={
                          <ul aria-label="列对应关系错误" style={{ margin: 0, paddingInlineStart: 20 }}>
                            {mappingErrors.map((text) => (
                              <li key={text}>{text}</li>
                            ))}
                          </ul>
                        }
                      />
                    )}
                    <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 3 }} />}>
                      <LedgerMappingForm
                        formRef={mappingForm}
                        initialValues={mappingValues}
                        onChange={(values) => {
                          setMappingValues(values);
                          invalidate();
                        }}
                      />
                    </Suspense>
                  </Flex>
                ),
              },
            ]}
          />
          {errorText && <Alert type="error" showIcon role="alert" title={errorText} />}
          {commitRowErrors.length > 0 && (
            <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 3 }} />}>
              <LedgerRowErrors errors={commitRowErrors} />
            </Suspense>
          )}
          <Flex gap={8} wrap>
            <Button
              type={plan ? 'default' : 'primary'}
              loading={importLedger.isPending && importLedger.variables?.dryRun === true}
              disabled={importLedger.isPending}
              onClick={() => void check()}
            >
              检查表格
            </Button>
          </Flex>
        </Flex>
      </Card>
      {plan && (
        <Card variant="borderless" title="检查结果">
          {/* one boundary: 确认导入 shows with the plan it imports */}
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <Flex vertical gap={16}>
              <LedgerImportPlan plan={plan} />
              <Flex gap={8} wrap align="center">
                <Button
                  type="primary"
                  disabled={!canCommit || importLedger.isPending}
                  loading={importLedger.isPending && importLedger.variables?.dryRun === false}
                  onClick={commit}
                >
                  确认导入
                </Button>
                {!canCommit && (
                  <Typography.Text type="secondary">
                    {plan.errors.length > 0 ? '请先修改表格中的错误' : '没有需要导入的修改'}
                  </Typography.Text>
                )}
              </Flex>
            </Flex>
          </Suspense>
        </Card>
      )}
    </>
  );
}

function ImportLedgerPage() {
  return (
    <InspectionPage title="导入整改台账">{(inspection) => <LedgerImport inspection={inspection} />}</InspectionPage>
  );
}

/** 导入整改台账: the ledger workbook checked (dry run), then applied all or nothing to the chosen inspection. */
export function ImportLedgerRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (!isOfficer(user)) return <NoAccess title="此页面供整改专班使用" detail="导入整改台账由整改专班办理。" />;
  return (
    <>
      <title>导入整改台账 · 整改工作台</title>
      <ImportLedgerPage />
    </>
  );
}
