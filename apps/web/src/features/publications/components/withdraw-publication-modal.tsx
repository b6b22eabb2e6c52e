import { App, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { queryKeys } from '@/lib/query-keys';
import type { Publication } from '../api/get-publication';
import { useWithdrawPublication } from '../api/withdraw-publication';
import { conflictPublication } from './conflict-publication';

/** 撤回通报 / 作废草稿: the reason, asked in a dialog opened from the notice's actions. */
export function WithdrawPublicationModal({ publication, onClose }: { publication: Publication; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useWithdrawPublication();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [errorText, setErrorText] = useState<string | null>(null);
  return (
    <FormModal<{ reason: string }>
      title={publication.status === 'published' ? '撤回通报' : '作废草稿'}
      form={form}
      okText="确认撤回"
      okDanger
      submitting={withdraw.isPending}
      errorText={errorText}
      onCancel={onClose}
      onFinish={({ reason }) => {
        setErrorText(null);
        withdraw.mutate(
          { id: publication.id, version: publication.version, reason: reason.trim() },
          {
            onSuccess: () => {
              message.success('通报已撤回');
              onClose();
            },
            onError: (error) => {
              const current = isVersionConflict(error) ? conflictPublication(error) : null;
              if (current) {
                // nothing withdrawn: the user decides again on the notice as it is now
                queryClient.setQueryData(queryKeys.publication(current.id), current);
                setErrorText('通报已被他人修改，已载入最新内容，请核对后再决定是否撤回。');
                return;
              }
              const unplaced = applyFieldErrors(form, error, ['reason']);
              setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error, '撤回失败，请稍后重试'));
            },
          },
        );
      }}
    >
      <Typography.Paragraph>
        {publication.status === 'published'
          ? '撤回后公开页面将无法访问，公众也不能再提交意见建议；已收到的意见建议仍保留。'
          : '作废后该草稿不能再修改或发布。'}
      </Typography.Paragraph>
      <Form.Item
        name="reason"
        label="撤回原因"
        rules={[
          { required: true, whitespace: true, message: '请填写撤回原因' },
          { min: 2, message: '至少填写 2 个字' },
          { max: 2000, message: '不能超过 2000 个字' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
