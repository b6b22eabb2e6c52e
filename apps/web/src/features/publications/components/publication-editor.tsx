import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Row, type FormRule } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, isVersionConflict } from '@/lib/api-client';
import { applyFieldErrors } from '@/lib/form-errors';
import { queryKeys } from '@/lib/query-keys';
import type { Publication } from '../api/get-publication';
import { useUpdatePublication } from '../api/update-publication';
import { conflictPublication } from './conflict-publication';
import {
  PublicationConflictDialog,
  type PublicationChanges,
  type PublicationConflict,
} from './publication-conflict-dialog';

interface Values {
  title: string;
  text: string;
  publicityFrom: Dayjs | null;
  publicityTo: Dayjs | null;
  contactPhone: string;
  contactHours: string;
  contactEmail: string;
}

const FIELDS = [
  'title',
  'text',
  'publicityFrom',
  'publicityTo',
  'contactPhone',
  'contactHours',
  'contactEmail',
] as const;

function valuesOf(publication: Publication): Values {
  return {
    title: publication.title,
    text: publication.text,
    publicityFrom: dayjs(publication.publicityFrom),
    publicityTo: dayjs(publication.publicityTo),
    contactPhone: publication.contactPhone ?? '',
    contactHours: publication.contactHours ?? '',
    contactEmail: publication.contactEmail ?? '',
  };
}

/** Only what differs from the notice as opened, so that a save never sends back what someone else may have changed. */
function changesOf(base: Publication, values: Values): PublicationChanges {
  const changes: PublicationChanges = {};
  const title = values.title.trim();
  if (title !== base.title) changes.title = title;
  if (values.text !== base.text) changes.text = values.text;
  const from = values.publicityFrom?.format('YYYY-MM-DD');
  const to = values.publicityTo?.format('YYYY-MM-DD');
  if (from && from !== base.publicityFrom) changes.publicityFrom = from;
  if (to && to !== base.publicityTo) changes.publicityTo = to;
  // a blank contact clears it (the API stores an empty string as none)
  for (const key of ['contactPhone', 'contactHours', 'contactEmail'] as const) {
    const value = values[key].trim();
    if (value !== (base[key] ?? '')) changes[key] = value;
  }
  return changes;
}

const max = (length: number): FormRule => ({ max: length, message: `不能超过 ${length} 个字` });

function EditorForm({
  base,
  onDirtyChange,
  onSaved,
  onConflict,
}: {
  base: Publication;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (publication: Publication) => void;
  onConflict: (conflict: PublicationConflict) => void;
}) {
  const [form] = Form.useForm<Values>();
  const update = useUpdatePublication();
  const { message } = App.useApp();
  const [errorText, setErrorText] = useState<string | null>(null);

  const save = (values: Values) => {
    setErrorText(null);
    const changes = changesOf(base, values);
    if (Object.keys(changes).length === 0) {
      message.info('没有需要保存的修改');
      onDirtyChange(false);
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, ...changes },
      {
        onSuccess: (saved) => {
          message.success('已保存');
          onSaved(saved);
        },
        onError: (error) => {
          const current = isVersionConflict(error) ? conflictPublication(error) : null;
          if (current) {
            onConflict({ seen: base, current, mine: changes });
            return;
          }
          const unplaced = applyFieldErrors(form, error, FIELDS);
          setErrorText(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error, '保存失败，请稍后重试'));
        },
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={valuesOf(base)}
      onValuesChange={() => onDirtyChange(true)}
      onFinish={save}
      disabled={update.isPending}
      scrollToFirstError
    >
      {errorText && <Alert type="error" showIcon role="alert" title={errorText} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="title"
        label="标题"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }, max(500)]}
      >
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="publicityFrom" label="公开开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="publicityTo"
            label="公开结束日期"
            dependencies={['publicityFrom']}
            rules={[
              { required: true, message: '请选择结束日期' },
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null) => {
                  const from = getFieldValue('publicityFrom') as Dayjs | null;
                  return value && from && value.isBefore(from, 'day')
                    ? Promise.reject(new Error('不能早于开始日期'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPhone" label="联系电话" rules={[max(50)]}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactHours" label="接听时间" rules={[max(100)]}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactEmail" label="电子邮箱" rules={[max(100)]}>
            <Input allowClear />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="text"
        label="正文"
        extra="段落之间空一行；正文中的公开期限会随上面的日期自动更新。发布前请再次核对屏蔽情况。"
        rules={[{ required: true, whitespace: true, message: '请填写正文' }, max(200_000)]}
      >
        <Input.TextArea rows={16} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存草稿
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setErrorText(null);
            onDirtyChange(false);
          }}
        >
          撤销修改
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * The draft's form. It saves under the version the user opened; a 409 never overwrites: the conflict dialog shows
 * what changed and lets the user load the current notice or save on top of it knowingly.
 */
export function PublicationEditor({
  publication,
  dirty,
  onDirtyChange,
}: {
  publication: Publication;
  dirty: boolean;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const update = useUpdatePublication();
  const { message } = App.useApp();
  const [base, setBase] = useState(publication);
  const [conflict, setConflict] = useState<PublicationConflict | null>(null);
  // a newer notice from the server (a reload) is taken over only while there is nothing unsaved
  if (publication.version > base.version && !dirty && !conflict) setBase(publication);

  const adopt = (next: Publication) => {
    queryClient.setQueryData(queryKeys.publication(next.id), next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.publicationList(next.inspectionId) });
    setBase(next);
    setConflict(null);
    onDirtyChange(false);
  };

  return (
    <>
      {/* a new base (saved, reloaded) starts the form afresh from it */}
      <EditorForm
        key={base.version}
        base={base}
        onDirtyChange={onDirtyChange}
        onSaved={adopt}
        onConflict={setConflict}
      />
      {conflict && (
        <PublicationConflictDialog
          key={conflict.current.version}
          conflict={conflict}
          onReload={() => {
            adopt(conflict.current);
            message.info('已载入最新内容');
          }}
          onReapply={(version) =>
            update.mutateAsync({ id: base.id, version, ...conflict.mine }).then(
              (saved) => {
                message.success('已在最新内容上保存您的修改');
                adopt(saved);
              },
              (error: unknown) => {
                const current = isVersionConflict(error) ? conflictPublication(error) : null;
                if (current) setConflict({ ...conflict, seen: conflict.current, current });
                throw error;
              },
            )
          }
        />
      )}
    </>
  );
}
