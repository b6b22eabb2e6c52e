import { Alert, App, Button, Card, Descriptions, Form, Input, Skeleton, Typography } from 'antd';
import { Result } from '@/components/ui/result';
import { useState } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import { usePublicNotice } from '../api/get-public-notice';
import { useSendFeedback, type FeedbackInput } from '../api/send-feedback';

// The published notice as the public reads it: only the published text, the publicity period, the contact and a
// form through which anyone may write to the task force while the notice is open.
export function PublicNoticeView({ slug }: { slug: string }) {
  const notice = usePublicNotice(slug);
  const send = useSendFeedback(slug);
  const { message } = App.useApp();
  const [form] = Form.useForm<FeedbackInput>();
  const [sent, setSent] = useState(false);

  if (notice.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (notice.isError) {
    const missing = isApiError(notice.error) && notice.error.status === 404;
    return (
      <Result status={missing ? '404' : 'error'} title={missing ? '通报不存在或已撤回' : errorMessage(notice.error)} />
    );
  }
  const data = notice.data;
  const paragraphs = data.text
    .split(/\n\s*\n|\n/)
    .map((line) => line.trim())
    .filter(Boolean);

  const submit = async (values: FeedbackInput) => {
    try {
      await send.mutateAsync(values);
      setSent(true);
      form.resetFields();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div className="public-notice">
      <Card>
        <Typography.Title level={2} style={{ textAlign: 'center' }}>
          {data.title}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="发布单位">{data.issuer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发布时间">{formatDate(data.publishedAt.slice(0, 10))}</Descriptions.Item>
          <Descriptions.Item label="公开期限">
            {formatDate(data.publicityFrom)} 至 {formatDate(data.publicityTo)}
          </Descriptions.Item>
        </Descriptions>
        {paragraphs.map((paragraph, index) => (
          <Typography.Paragraph key={index} style={{ textIndent: '2em', fontSize: 16, lineHeight: 1.9 }}>
            {paragraph}
          </Typography.Paragraph>
        ))}
      </Card>
      <Card title="意见建议" style={{ marginTop: 16 }}>
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          {data.contactPhone && (
            <Descriptions.Item label="联系电话">
              {data.contactPhone}
              {data.contactHours ? `（${data.contactHours}）` : ''}
            </Descriptions.Item>
          )}
          {data.contactEmail && <Descriptions.Item label="电子邮箱">{data.contactEmail}</Descriptions.Item>}
        </Descriptions>
        {!data.feedbackOpen ? (
          <Alert type="info" showIcon title="公开期限已过，不再通过本页面受理意见建议。" />
        ) : sent ? (
          <Alert type="success" showIcon title="已收到您的意见建议，感谢您的监督。" />
        ) : (
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              name="content"
              label="意见建议"
              rules={[
                { required: true, message: '请填写意见建议' },
                { min: 5, message: '请至少填写 5 个字' },
                { max: 2000, message: '最多 2000 个字' },
              ]}
            >
              <Input.TextArea rows={5} showCount maxLength={2000} placeholder="请填写您对整改落实情况的意见建议" />
            </Form.Item>
            <Form.Item name="name" label="姓名（选填）" rules={[{ max: 50, message: '最多 50 个字' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="contact" label="联系方式（选填）" rules={[{ max: 100, message: '最多 100 个字' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={send.isPending}>
              提交
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}
