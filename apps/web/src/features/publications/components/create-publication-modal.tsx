import { Form, Input, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { newIdempotencyKey } from '@/lib/idempotency';
import { useCreatePublication } from '../api/create-publication';
import type { Publication } from '../api/get-publication';

interface Values {
  organisationText?: string;
  maskedTerms?: string[];
  maskPersonNames: boolean;
}

const FIELDS = ['organisationText', 'maskedTerms', 'maskPersonNames'] as const;

/** 生成公开稿: a draft from the live ledger, masked; nothing is public until it is published. */
export function CreatePublicationModal({
  inspectionId,
  onClose,
  onCreated,
}: {
  inspectionId: string;
  onClose: () => void;
  onCreated: (publication: Publication) => void;
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreatePublication();
  const [errorText, setErrorText] = useState<string | null>(null);
  // one key for this dialog: a retry after a lost answer cannot make a second draft
  const [idempotencyKey] = useState(newIdempotencyKey);

  const submit = (values: Values) => {
    setErrorText(null);
    const organisationText = values.organisationText?.trim();
    const maskedTerms = (values.maskedTerms ?? []).map((term) => term.trim()).filter(Boolean);
    create.mutate(
      {
        inspectionId,
        idempotencyKey,
        body: {
          maskPersonNames: values.maskPersonNames,
          ...(organisationText ? { organisationText } : {}),
          ...(maskedTerms.length > 0 ? { maskedTerms } : {}),
        },
      },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const unplaced = applyFieldErrors(form, error, FIELDS);
          setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error, '生成失败，请稍后重试'));
        },
      },
    );
  };

  return (
    <FormModal<Values>
      title="生成通报公开稿"
      form={form}
      onFinish={submit}
      onCancel={onClose}
      submitting={create.isPending}
      okText="生成草稿"
      errorText={errorText}
      initialValues={{ maskPersonNames: true, maskedTerms: [] }}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        按整改台账的最新数据生成通报正文，生成后为草稿，可修改、预览，确认无误后再发布。
      </Typography.Paragraph>
      <Form.Item
        name="maskPersonNames"
        label="屏蔽人名"
        valuePropName="checked"
        extra="系统中登记的人员和账号姓名替换为“姓＋某”，如“张某”。"
      >
        <Switch checkedChildren="屏蔽" unCheckedChildren="不屏蔽" />
      </Form.Item>
      <Form.Item
        name="maskedTerms"
        label="其他需屏蔽的词语"
        extra="每项一个词语，替换为＊＊＊；也可写成“词语=>替换文字”。输入后按回车确认。"
        rules={[
          {
            validator: (_rule, terms: string[] | undefined) =>
              (terms ?? []).some((term) => term.length > 200)
                ? Promise.reject(new Error('每项不能超过 200 个字'))
                : (terms ?? []).length > 200
                  ? Promise.reject(new Error('最多 200 项'))
                  : Promise.resolve(),
          },
        ]}
      >
        <Select
          aria-label="其他需屏蔽的词语"
          mode="tags"
          open={false}
          tokenSeparators={['\n', '，', ',']}
          placeholder="如：某某公司=>某公司"
          suffixIcon={null}
        />
      </Form.Item>
      <Form.Item
        name="organisationText"
        label="组织领导情况（可选）"
        extra="通报第一部分的文字，分段换行；不填写时使用导入通报中的原文或标准表述。"
        rules={[{ max: 5000, message: '不能超过 5000 个字' }]}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
    </FormModal>
  );
}
