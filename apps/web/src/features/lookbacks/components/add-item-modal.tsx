import { App, Form, Select } from 'antd';
import { useState } from 'react';
import { FormModal } from '@/components/ui/form-modal';
import { errorMessage } from '@/lib/api-client';
import { useAddLookbackItem } from '../api/add-lookback-item';

export type MeasureOption = { value: string; label: string };

interface Values {
  measureId: string;
}

/** 加抽措施: a signed-off measure not in the sample yet, chosen from the options the route supplies. */
export function AddItemModal({
  lookbackId,
  options,
  loading,
  onClose,
}: {
  lookbackId: string;
  options: MeasureOption[];
  loading: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const add = useAddLookbackItem(lookbackId);
  const { message } = App.useApp();
  const [errorText, setErrorText] = useState<string | null>(null);
  const submit = (values: Values) => {
    setErrorText(null);
    add.mutate(values.measureId, {
      onSuccess: () => {
        message.success('已加抽该措施');
        onClose();
      },
      onError: (error) => setErrorText(errorMessage(error, '加抽失败，请稍后重试')),
    });
  };
  return (
    <FormModal<Values>
      title="加抽措施"
      form={form}
      onFinish={submit}
      onCancel={onClose}
      submitting={add.isPending}
      okText="加抽"
      errorText={errorText}
      width={640}
    >
      <Form.Item
        name="measureId"
        label="措施"
        extra="只能加抽本轮次已完成或视同完成、尚未在样本中的措施"
        rules={[{ required: true, message: '请选择措施' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={loading}
          options={options}
          placeholder="输入编号或措施内容查找"
          notFoundContent={loading ? '正在加载…' : '没有可加抽的措施'}
        />
      </Form.Item>
    </FormModal>
  );
}
