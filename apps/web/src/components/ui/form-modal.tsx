import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

interface FormModalProps<Values> {
  title: ReactNode;
  form: FormInstance<Values>;
  onFinish: (values: Values) => void;
  onCancel: () => void;
  submitting: boolean;
  okText?: string;
  okDanger?: boolean;
  /** The API's message when the save failed for a reason that belongs to no field. */
  errorText?: string | null;
  initialValues?: Partial<Values>;
  width?: number;
  children: ReactNode;
}

/** A form in a dialog: 确定 submits the form, and the dialog stays until the caller closes it on success. */
export function FormModal<Values>({
  title,
  form,
  onFinish,
  onCancel,
  submitting,
  okText = '确定',
  okDanger = false,
  errorText,
  initialValues,
  width,
  children,
}: FormModalProps<Values>) {
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger: okDanger }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onCancel}
      mask={{ closable: false }}
      destroyOnHidden
      width={width}
    >
      {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        disabled={submitting}
        scrollToFirstError
      >
        {children}
      </Form>
    </Modal>
  );
}
