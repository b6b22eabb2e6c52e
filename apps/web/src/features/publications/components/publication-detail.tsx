import { Alert, App, Badge, Button, Card, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { QueryError } from '@/components/errors/query-error';
import { errorMessage, isApiError, isVersionConflict } from '@/lib/api-client';
import { formatDate, formatDateTime } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import { usePublication, type Publication } from '../api/get-publication';
import { usePublishPublication } from '../api/publish-publication';
import { conflictPublication } from './conflict-publication';
import { PublicationStatusTag, publicNoticeUrl } from './publication-status';

// each tab's content and the withdraw dialog load when first shown; the tab a notice opens on is fetched alongside
// the notice itself (preloadPublicationTab), so a draft's form (Form, DatePicker) is not on a published notice's page
const loadEditor = () => import('./publication-editor');
const loadPreview = () => import('./publication-preview');
const PublicationEditor = lazy(() => loadEditor().then((m) => ({ default: m.PublicationEditor })));
const PublicationPreview = lazy(() => loadPreview().then((m) => ({ default: m.PublicationPreview })));
const FeedbackInbox = lazy(() => import('./feedback-inbox').then((m) => ({ default: m.FeedbackInbox })));
const WithdrawModal = lazy(() =>
  import('./withdraw-publication-modal').then((m) => ({ default: m.WithdrawPublicationModal })),
);

/** Starts loading the tab a notice opens on (a draft: its form; else: the preview), as soon as the list tells. */
export function preloadPublicationTab(status: Publication['status']) {
  void (status === 'draft' ? loadEditor() : loadPreview());
}

const tabFallback = <Skeleton active paragraph={{ rows: 6 }} />;

function PublicLink({ slug }: { slug: string }) {
  const url = publicNoticeUrl(slug);
  return (
    <Flex gap={8} wrap align="center">
      <Typography.Text>公开地址：</Typography.Text>
      <Typography.Text code copyable={{ text: url, tooltips: ['复制链接', '已复制'] }} aria-label="公开地址">
        {url}
      </Typography.Text>
      <Typography.Link href={url} target="_blank" rel="noopener noreferrer">
        打开公开页面
      </Typography.Link>
    </Flex>
  );
}

function Actions({ publication, dirty }: { publication: Publication; dirty: boolean }) {
  const publish = usePublishPublication();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const [withdrawing, setWithdrawing] = useState(false);

  const confirmPublish = () => {
    if (dirty) {
      modal.warning({ title: '有未保存的修改', content: '请先保存草稿（或撤销修改）后再发布。', okText: '知道了' });
      return;
    }
    modal.confirm({
      title: '发布这份通报？',
      content: (
        <>
          <Typography.Paragraph>
            公开期限：{formatDate(publication.publicityFrom)} 至 {formatDate(publication.publicityTo)}。
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            发布后，公众可通过公开地址查看通报并提交意见建议；屏蔽前的原文将被删除，正文不能再修改。
          </Typography.Paragraph>
        </>
      ),
      okText: '发布',
      cancelText: '取消',
      onOk: () =>
        publish.mutateAsync({ id: publication.id, version: publication.version }).then(
          () => message.success('通报已发布'),
          (error: unknown) => {
            const current = isVersionConflict(error) ? conflictPublication(error) : null;
            if (current) {
              queryClient.setQueryData(queryKeys.publication(current.id), current);
              modal.warning({
                title: '通报已被他人修改',
                content: '本次未发布。已载入最新内容，请核对后再发布。',
                okText: '知道了',
              });
              return;
            }
            const fields = isApiError(error) ? Object.values(error.errors ?? {}).flat() : [];
            message.error(
              fields.length > 0
                ? `${errorMessage(error)}：${fields.join('；')}`
                : errorMessage(error, '发布失败，请稍后重试'),
            );
          },
        ),
    });
  };

  return (
    <Flex gap={8} wrap>
      {publication.status === 'draft' && (
        <Button type="primary" onClick={confirmPublish} loading={publish.isPending}>
          发布
        </Button>
      )}
      {publication.status !== 'withdrawn' && (
        <Button danger onClick={() => setWithdrawing(true)}>
          {publication.status === 'published' ? '撤回' : '作废草稿'}
        </Button>
      )}
      {withdrawing && (
        <Suspense fallback={null}>
          <WithdrawModal publication={publication} onClose={() => setWithdrawing(false)} />
        </Suspense>
      )}
    </Flex>
  );
}

/** One notice: its state and public address, the masked text, the draft's form and the opinions received. */
export function PublicationDetail({ publicationId }: { publicationId: string }) {
  const publication = usePublication(publicationId);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<string | null>(null);

  if (publication.isPending) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  if (publication.isError) {
    return (
      <Card variant="borderless">
        <QueryError error={publication.error} onRetry={() => publication.refetch()} />
      </Card>
    );
  }
  const data = publication.data;
  const draft = data.status === 'draft';
  // the edit tab goes once the draft is published or withdrawn
  const activeTab = tab && (tab !== 'edit' || draft) ? tab : draft ? 'edit' : 'preview';

  return (
    <Card
      variant="borderless"
      title={
        <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal' }}>
          <PublicationStatusTag publication={data} />
          <span>{data.title}</span>
        </Flex>
      }
      extra={<Actions publication={data} dirty={dirty} />}
    >
      <Flex vertical gap={16}>
        {data.status === 'published' && data.slug && (
          <Alert
            type="success"
            showIcon
            title={`已于 ${formatDateTime(data.publishedAt)} 发布${data.publishedBy ? `（${data.publishedBy.name}）` : ''}`}
            description={<PublicLink slug={data.slug} />}
          />
        )}
        {data.status === 'withdrawn' && (
          <Alert
            type="info"
            showIcon
            title={`已于 ${formatDateTime(data.withdrawnAt)} 撤回${data.withdrawnBy ? `（${data.withdrawnBy.name}）` : ''}`}
            description={data.withdrawReason ? `撤回原因：${data.withdrawReason}` : undefined}
          />
        )}
        {draft && (
          <Alert
            type="warning"
            showIcon
            title="草稿仅整改专班可见。发布前请核对正文和屏蔽情况，确认不含涉密信息和个人隐私。"
          />
        )}
        <Tabs
          activeKey={activeTab}
          onChange={setTab}
          items={[
            ...(draft
              ? [
                  {
                    key: 'edit',
                    label: dirty ? '编辑草稿（未保存）' : '编辑草稿',
                    children: (
                      <Suspense fallback={tabFallback}>
                        <PublicationEditor publication={data} dirty={dirty} onDirtyChange={setDirty} />
                      </Suspense>
                    ),
                  },
                ]
              : []),
            {
              key: 'preview',
              label: '预览',
              children: (
                <Flex vertical gap={12}>
                  {dirty && <Alert type="info" showIcon title="预览显示的是已保存的内容，保存草稿后可预览最新修改。" />}
                  <Suspense fallback={tabFallback}>
                    <PublicationPreview publication={data} />
                  </Suspense>
                </Flex>
              ),
            },
            {
              key: 'feedback',
              label: (
                <Flex gap={6} align="center">
                  意见建议
                  {data.unreadFeedbackCount > 0 && (
                    <Badge
                      count={data.unreadFeedbackCount}
                      size="small"
                      aria-label={`${data.unreadFeedbackCount} 条未处理`}
                    />
                  )}
                </Flex>
              ),
              children: (
                <Suspense fallback={tabFallback}>
                  <FeedbackInbox publicationId={data.id} />
                </Suspense>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
