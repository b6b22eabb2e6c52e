import { Alert, App, Button, Card, Flex, Form, Skeleton, Steps, Typography } from 'antd';
import { Result } from '@/components/ui/result';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { NoAccess } from '@/components/errors/no-access';
import {
  useCommitNoticeImport,
  type CommitNoticeBody,
  type NoticeImportResult,
} from '@/features/documents/api/commit-notice-import';
import {
  usePreviewNoticeImport,
  type NoticePreview,
  type NoticeSource,
  type PreviewProblem,
} from '@/features/documents/api/preview-notice-import';
import { NoticeSourceForm } from '@/features/documents/components/notice-source-form';
import { NoticeWarnings } from '@/features/documents/components/notice-warnings';
import { checkProblems, placeNoticeErrors, problemFieldLabel } from '@/features/documents/utils/notice-errors';
import {
  inspectionFromMeta,
  NOTICE_META_FIELDS,
  noticeMetaValues,
  type NoticeMetaValues,
} from '@/features/documents/utils/notice-meta';
import { unitOptions, useUnits } from '@/features/units/api/get-units';
import { errorMessage, isApiError } from '@/lib/api-client';
import { hasBusinessAccess, isOfficer, roleLabels, useSessionUser } from '@/lib/auth';
import { newIdempotencyKey } from '@/lib/idempotency';

// the review step's summary, form (DatePicker, Select, InputNumber) and problems table load once a notice has been read
const NoticeMetaForm = lazy(() =>
  import('@/features/documents/components/notice-meta-form').then((m) => ({ default: m.NoticeMetaForm })),
);
const NoticeReviewSummary = lazy(() =>
  import('@/features/documents/components/notice-review-summary').then((m) => ({ default: m.NoticeReviewSummary })),
);
const NoticeProblemsTable = lazy(() =>
  import('@/features/documents/components/notice-problems-table').then((m) => ({ default: m.NoticeProblemsTable })),
);

type ProblemErrors = Record<number, Record<string, string[]>>;

// the ledger reads its inspection from ?inspectionId= (see problems.tsx)
const ledgerUrl = (inspectionId: string) => `/problems?inspectionId=${encodeURIComponent(inspectionId)}`;

interface Review {
  preview: NoticePreview;
  problems: PreviewProblem[];
  /** one key per reviewed preview: every retry of its commit sends it, so a lost answer never imports twice */
  idempotencyKey: string;
  sourceName: string;
}

function ImportNoticePage() {
  const preview = usePreviewNoticeImport();
  const commit = useCommitNoticeImport();
  const units = useUnits();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NoticeMetaValues>();
  const [lastText, setLastText] = useState('');
  const [review, setReview] = useState<Review | null>(null);
  const [result, setResult] = useState<NoticeImportResult | null>(null);
  const [problemErrors, setProblemErrors] = useState<ProblemErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [commitError, setCommitError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);

  const clearErrors = () => {
    setProblemErrors({});
    setOtherErrors([]);
    setCommitError(null);
  };

  const showProblemErrors = (errors: ProblemErrors) => {
    setProblemErrors(errors);
    setExpanded((current) => [...new Set([...current, ...Object.keys(errors)])]);
  };

  const read = (source: NoticeSource) => {
    if (source.kind === 'text') setLastText(source.text);
    preview.mutate(source, {
      onSuccess: (answer) => {
        clearErrors();
        setExpanded([]);
        // the form's store outlives the form: a second notice must not start from the first one's values
        form.resetFields();
        form.setFieldsValue({ ...noticeMetaValues(answer.inspection), defaultLeadUnitId: undefined });
        setReview({
          preview: answer,
          problems: answer.problems,
          idempotencyKey: newIdempotencyKey(),
          sourceName: source.kind === 'file' ? source.file.name : '粘贴文本',
        });
      },
    });
  };

  const changeProblem = (index: number, next: PreviewProblem, path: string) => {
    setReview(
      (current) =>
        current && { ...current, problems: current.problems.map((problem, at) => (at === index ? next : problem)) },
    );
    setProblemErrors((current) => {
      if (!current[index]?.[path]) return current;
      const { [path]: _removed, ...rest } = current[index];
      const next = { ...current };
      if (Object.keys(rest).length > 0) next[index] = rest;
      else delete next[index];
      return next;
    });
  };

  const failCommit = (error: unknown) => {
    if (isApiError(error) && error.code === 'IDEMPOTENCY_KEY_REUSED') {
      setCommitError(
        '这份通报可能已经导入成功（上次提交的结果没有返回）。请先到整改台账核对；如确需再次导入，请点击“重新识别”。',
      );
      return;
    }
    if (isApiError(error) && error.status === 413) {
      setCommitError('通报全文和识别结果合计超过了单次导入的上限（1 MB），无法导入。请联系系统管理员。');
      return;
    }
    const placed = placeNoticeErrors(error);
    if (!placed) {
      setCommitError(errorMessage(error, '导入失败，请稍后重试'));
      return;
    }
    const fields = Object.entries(placed.inspection).filter(([name]) => NOTICE_META_FIELDS.includes(name));
    form.setFields(fields.map(([name, errors]) => ({ name: name as keyof NoticeMetaValues, errors })));
    const unplaced = Object.entries(placed.inspection)
      .filter(([name]) => !NOTICE_META_FIELDS.includes(name))
      .flatMap(([, messages]) => messages);
    showProblemErrors(placed.problems);
    setOtherErrors([...placed.other, ...unplaced]);
    setCommitError(`${errorMessage(error, '提交的数据不符合要求')}，请按标红的提示修改后重新导入。`);
  };

  const submit = async () => {
    if (!review) return;
    clearErrors();
    let values: NoticeMetaValues;
    try {
      values = await form.validateFields();
    } catch {
      message.error('基本信息有误，请按提示修改');
      return;
    }
    const local = checkProblems(review.problems);
    if (Object.keys(local).length > 0) {
      showProblemErrors(local);
      setCommitError('部分问题或措施的内容需要修改，请按标红的提示修改后再导入。');
      return;
    }
    const { preview: original, problems } = review;
    const body: CommitNoticeBody = {
      inspection: inspectionFromMeta(values, original.inspection),
      categories: original.categories,
      problems,
      warnings: original.warnings,
      stats: {
        problems: problems.length,
        measures: problems.reduce((sum, problem) => sum + problem.measures.length, 0),
      },
      ...(original.sourceText !== undefined ? { sourceText: original.sourceText } : {}),
      ...(values.defaultLeadUnitId ? { defaultLeadUnitId: values.defaultLeadUnitId } : {}),
    };
    commit.mutate({ body, idempotencyKey: review.idempotencyKey }, { onSuccess: setResult, onError: failCommit });
  };

  const restart = () => {
    setReview(null);
    setResult(null);
    clearErrors();
    preview.reset();
    commit.reset();
  };

  const step = result ? 2 : review ? 1 : 0;
  const problemErrorList = review
    ? Object.entries(problemErrors).flatMap(([index, fields]) =>
        Object.entries(fields).flatMap(([path, messages]) =>
          messages.map(
            (text) => `问题 ${review.problems[Number(index)]?.label ?? ''} ${problemFieldLabel(path)}：${text}`,
          ),
        ),
      )
    : [];

  return (
    <Flex vertical gap={16}>
      <Flex align="baseline" gap={8} wrap className="zg-page-heading">
        <Typography.Title level={3} className="zg-page-title">
          导入整改通报
        </Typography.Title>
        <Typography.Text type="secondary">从公开的整改进展情况通报建立巡视（巡察）整改台账</Typography.Text>
      </Flex>
      <Card variant="borderless">
        <Steps
          size="small"
          current={step}
          items={[{ title: '识别通报' }, { title: '核对内容' }, { title: '完成导入' }]}
        />
      </Card>

      {result ? (
        <Card variant="borderless">
          <Result
            status="success"
            title={`已导入 ${result.problems} 个问题、${result.measures} 项整改措施`}
            subTitle="导入的问题状态均为“未完成”，措施均为“未启动”；请在整改台账中核对，并分办牵头单位和完成时限。"
            extra={[
              <Button
                key="ledger"
                type="primary"
                href={ledgerUrl(result.inspectionId)}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(ledgerUrl(result.inspectionId));
                }}
              >
                查看整改台账
              </Button>,
              <Button key="again" onClick={restart}>
                继续导入其他通报
              </Button>,
            ]}
          />
        </Card>
      ) : review ? (
        // one boundary for the whole step: 确认导入 shows only with the form it validates
        <Suspense
          fallback={
            <Card variant="borderless">
              <Skeleton active paragraph={{ rows: 8 }} />
            </Card>
          }
        >
          <Card variant="borderless" title="识别结果">
            <Flex vertical gap={12}>
              <NoticeReviewSummary sourceName={review.sourceName} preview={review.preview} problems={review.problems} />
              <NoticeWarnings warnings={review.preview.warnings} />
              <Alert
                type="info"
                showIcon
                title="通报不载明各项整改的状态：导入后问题一律为“未完成”，请在台账中逐项认定。"
              />
            </Flex>
          </Card>
          <Card variant="borderless" title="巡视（巡察）基本信息">
            <NoticeMetaForm
              key={review.idempotencyKey}
              form={form}
              initialValues={noticeMetaValues(review.preview.inspection)}
              unitOptions={unitOptions(units.data ?? [])}
            />
          </Card>
          <Card variant="borderless" title="问题和整改措施">
            <Typography.Paragraph type="secondary">
              展开问题可核对整改情况和每项措施；问题标题、措施要点和内容可直接修改。
            </Typography.Paragraph>
            <NoticeProblemsTable
              problems={review.problems}
              categories={review.preview.categories}
              errors={problemErrors}
              expandedKeys={expanded}
              onExpandedKeysChange={setExpanded}
              onChange={changeProblem}
            />
          </Card>
          <Card variant="borderless">
            <Flex vertical gap={12}>
              {commitError && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title={commitError}
                  description={
                    otherErrors.length + problemErrorList.length > 0 ? (
                      <ul aria-label="需要修改的内容" style={{ margin: 0, paddingInlineStart: 20 }}>
                        {[...otherErrors, ...problemErrorList].map((text, index) => (
                          <li key={index}>{text}</li>
                        ))}
                      </ul>
                    ) : undefined
                  }
                />
              )}
              <Flex gap={8} wrap>
                <Button type="primary" loading={commit.isPending} onClick={() => void submit()}>
                  确认导入
                </Button>
                <Button onClick={restart} disabled={commit.isPending}>
                  重新识别
                </Button>
              </Flex>
            </Flex>
          </Card>
        </Suspense>
      ) : (
        <Card variant="borderless">
          <NoticeSourceForm
            defaultText={lastText}
            loading={preview.isPending}
            errorText={preview.isError ? errorMessage(preview.error, '识别失败，请稍后重试') : null}
            onSubmit={read}
          />
        </Card>
      )}
    </Flex>
  );
}

/** 导入整改通报: a published notice read into a preview, reviewed and corrected, then created in one go (整改专班). */
export function ImportNoticeRoute() {
  const { data: user } = useSessionUser();
  if (!user) return null;
  if (!hasBusinessAccess(user)) return <NoAccess roleText={roleLabels(user).join('、')} />;
  if (!isOfficer(user)) return <NoAccess title="此页面供整改专班使用" detail="导入整改通报由整改专班办理。" />;
  return (
    <>
      <title>导入整改通报 · 整改工作台</title>
      <ImportNoticePage />
    </>
  );
}
