import { PlayCircleOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { useJobRuns, useJobs, type Job, type JobRun, type JobRunsQuery } from '@/features/jobs/api/get-jobs';
import { useRetryJobRun, useRunJob } from '@/features/jobs/api/job-mutations';
import { errorMessage } from '@/lib/api-client';
import { useSessionUser } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';

const STATE_COLORS: Record<JobRun['state'], string> = {
  created: 'default',
  retry: 'orange',
  active: 'processing',
  completed: 'green',
  cancelled: 'default',
  failed: 'red',
};

const STATE_OPTIONS: { value: JobRun['state']; label: string }[] = [
  { value: 'failed', label: '失败' },
  { value: 'completed', label: '成功' },
  { value: 'active', label: '运行中' },
  { value: 'created', label: '排队中' },
  { value: 'retry', label: '等待重试' },
];

function RunState({ run }: { run: JobRun }) {
  return <Tag color={STATE_COLORS[run.state]}>{run.stateLabel}</Tag>;
}

/** 后台任务: the system admin's page — what runs when, how the last runs went, failures with their error. */
export function AdminJobsRoute() {
  const session = useSessionUser();
  const allowed = Boolean(session.data?.roles.includes('system_admin'));
  const { message } = App.useApp();
  const jobs = useJobs();
  const [query, setQuery] = useState<JobRunsQuery>({ page: 1, pageSize: 20 });
  const runs = useJobRuns(query);
  const runJob = useRunJob();
  const retry = useRetryJobRun();

  if (!allowed) return <NoAccess title="无权查看后台任务" detail="后台任务仅限系统管理员查看。" />;

  const runNow = (job: Job) =>
    runJob.mutate(job.name, {
      onSuccess: () => message.success(`已提交“${job.label}”，稍后在运行记录中查看结果`),
      onError: (error) => message.error(errorMessage(error)),
    });
  const retryRun = (run: JobRun) =>
    retry.mutate(run.id, {
      onSuccess: () => message.success(`已重新提交“${run.label}”`),
      onError: (error) => message.error(errorMessage(error)),
    });

  const jobColumns: TableColumnsType<Job> = [
    {
      title: '任务',
      key: 'label',
      render: (_, job) => <span title={job.name}>{job.label}</span>,
    },
    { title: '运行计划', key: 'schedule', render: (_, job) => job.scheduleText ?? '按需运行' },
    {
      title: '最近一次',
      key: 'last',
      render: (_, job) =>
        job.lastRun ? (
          <Flex gap={8} align="center" wrap>
            <RunState run={job.lastRun} />
            <span>{formatDateTime(job.lastRun.completedAt ?? job.lastRun.startedAt ?? job.lastRun.createdAt)}</span>
          </Flex>
        ) : (
          <Typography.Text type="secondary">尚未运行</Typography.Text>
        ),
    },
    {
      title: '失败次数',
      key: 'failed',
      render: (_, job) =>
        job.failedCount > 0 ? (
          <Button
            type="link"
            size="small"
            onClick={() => setQuery({ page: 1, pageSize: 20, name: job.name, state: 'failed' })}
          >
            {job.failedCount} 次
          </Button>
        ) : (
          0
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, job) => (
        <Button
          size="small"
          icon={<PlayCircleOutlined aria-hidden />}
          loading={runJob.isPending && runJob.variables === job.name}
          onClick={() => runNow(job)}
          aria-label={`立即运行 ${job.label}`}
        >
          立即运行
        </Button>
      ),
    },
  ];

  const runColumns: TableColumnsType<JobRun> = [
    { title: '提交时间', key: 'created', render: (_, run) => formatDateTime(run.createdAt) },
    { title: '任务', key: 'label', render: (_, run) => <span title={run.name}>{run.label}</span> },
    { title: '状态', key: 'state', render: (_, run) => <RunState run={run} /> },
    { title: '完成时间', key: 'completed', render: (_, run) => formatDateTime(run.completedAt) },
    {
      title: '尝试',
      key: 'attempts',
      render: (_, run) => `${run.retryCount + 1} / ${run.retryLimit + 1}`,
    },
    {
      title: '错误信息',
      key: 'error',
      render: (_, run) =>
        run.error ? (
          <Typography.Text type="danger">{run.error}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, run) =>
        run.state === 'failed' ? (
          <Button
            size="small"
            icon={<RedoOutlined aria-hidden />}
            loading={retry.isPending && retry.variables === run.id}
            onClick={() => retryRun(run)}
          >
            重试
          </Button>
        ) : null,
    },
  ];

  const jobOptions = (jobs.data?.jobs ?? []).map((job) => ({ value: job.name, label: job.label }));

  return (
    <>
      <title>后台任务 · 整改工作台</title>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        后台任务
      </Typography.Title>
      {jobs.isError ? (
        <QueryError error={jobs.error} onRetry={() => jobs.refetch()} />
      ) : (
        <>
          {jobs.data && !jobs.data.working && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title="本服务进程未运行后台任务（JOBS=off）：任务会排队，由其他开启后台任务的进程执行。"
            />
          )}
          <Table<Job>
            rowKey="name"
            size="small"
            aria-label="后台任务"
            columns={jobColumns}
            dataSource={jobs.data?.jobs ?? []}
            loading={jobs.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </>
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '24px 0 12px' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          运行记录
        </Typography.Title>
        <Flex gap={8} wrap role="group" aria-label="筛选运行记录">
          <Select
            allowClear
            aria-label="按任务筛选"
            placeholder="全部任务"
            popupMatchSelectWidth={false}
            style={{ width: 200 }}
            value={query.name}
            options={jobOptions}
            onChange={(name) => setQuery((prev) => ({ ...prev, page: 1, name }))}
          />
          <Select
            allowClear
            aria-label="按状态筛选"
            placeholder="全部状态"
            style={{ width: 120 }}
            value={query.state}
            options={STATE_OPTIONS}
            onChange={(state) => setQuery((prev) => ({ ...prev, page: 1, state }))}
          />
        </Flex>
      </Flex>
      {runs.isError ? (
        <QueryError error={runs.error} onRetry={() => runs.refetch()} />
      ) : (
        <Table<JobRun>
          rowKey="id"
          size="small"
          aria-label="运行记录"
          columns={runColumns}
          dataSource={runs.data?.items ?? []}
          loading={runs.isPending || runs.isPlaceholderData}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有符合条件的运行记录' }}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total: runs.data?.total ?? 0,
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) => setQuery((prev) => ({ ...prev, page, pageSize })),
          }}
        />
      )}
    </>
  );
}
