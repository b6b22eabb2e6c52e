// The officer's 成效评估 form: effectiveness-card.tsx loads it when 开展评估 / 修改评估 is clicked.
import { EFFECTIVENESS_RATING_LABELS, EFFECTIVENESS_RATINGS, type EffectivenessRating } from '@zhenggai/domain';
import { App, Button, Flex, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';
import { useUpdateEffectiveness, type Effectiveness } from '../api/effectiveness';

interface Values {
  rating: EffectivenessRating;
  text: string;
}

export function EvaluationForm({ current, onDone }: { current: Effectiveness; onDone: () => void }) {
  const update = useUpdateEffectiveness(current.problemId);
  const { message } = App.useApp();
  // the version the officer started from: a background refetch must not move it (a stale save is 409)
  const [version] = useState(current.version);
  const submit = (values: Values) =>
    update.mutate(
      { version, rating: values.rating, text: values.text },
      {
        onSuccess: () => {
          message.success('成效评估已保存');
          onDone();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            message.warning('该评估已被他人修改，已载入最新评估，请核对后重新保存');
            onDone();
          } else message.error(errorMessage(error, '保存失败，请稍后重试'));
        },
      },
    );
  return (
    <Form<Values>
      layout="vertical"
      aria-label="成效评估"
      initialValues={{ rating: current.rating ?? undefined, text: current.text ?? '' }}
      onFinish={submit}
    >
      <Form.Item name="rating" label="整改成效" rules={[{ required: true, message: '请选择整改成效' }]}>
        <Radio.Group
          optionType="button"
          options={EFFECTIVENESS_RATINGS.map((rating) => ({
            value: rating,
            label: EFFECTIVENESS_RATING_LABELS[rating],
          }))}
        />
      </Form.Item>
      <Form.Item
        name="text"
        label="评估意见"
        rules={[
          { required: true, whitespace: true, message: '请填写评估意见' },
          { max: 2000, message: '评估意见不超过 2000 字' },
        ]}
      >
        <Input.TextArea rows={3} placeholder="整改是否到位、群众是否满意、长效机制是否建立等" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存评估
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Flex>
    </Form>
  );
}
