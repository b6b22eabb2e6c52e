import { InboxOutlined } from '@ant-design/icons';
import { App, Flex, Select, Typography, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import type { Attachment } from '../api/get-measure-attachments';
import { useUploadAttachment, type AttachmentKind } from '../api/upload-attachment';
import { ATTACHMENT_KIND_OPTIONS } from '../utils/attachment-kinds';

// what the API accepts (it recognises the type from the content; these only spare the user a pointless upload)
const ACCEPTED_EXTENSIONS = [
  'pdf',
  'ofd',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
];
const MAX_BYTES = 20 * 1024 * 1024;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Drag-and-drop evidence upload (佐证材料), one file per request, with the classified-material warning. */
export function AttachmentUploader({
  measureId,
  onUploaded,
  compact = false,
}: {
  measureId: string;
  onUploaded?: (attachment: Attachment) => void;
  compact?: boolean;
}) {
  const { message } = App.useApp();
  const upload = useUploadAttachment();
  const [kind, setKind] = useState<AttachmentKind>('document');
  const [fileList, setFileList] = useState<UploadFile[]>([]);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!ACCEPTED_EXTENSIONS.includes(extensionOf(file.name))) {
      message.error(`不支持的文件类型：${file.name}。仅可上传 PDF、OFD、图片、Word、Excel、PowerPoint 文件`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      message.error(`文件超过 20 MB，不能上传：${file.name}`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    upload.mutate(
      { measureId, file: file as File, kind },
      {
        onSuccess: (attachment) => {
          onSuccess?.(attachment);
          message.success(`已上传：${attachment.name}`);
          onUploaded?.(attachment);
        },
        onError: (error) => {
          const text = errorMessage(error, '上传失败，请稍后重试');
          message.error(text);
          onError?.(new Error(text));
        },
      },
    );
  };

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text type="secondary">材料类型</Typography.Text>
        <Select<AttachmentKind>
          aria-label="材料类型"
          size="small"
          value={kind}
          onChange={setKind}
          options={ATTACHMENT_KIND_OPTIONS}
          style={{ width: 120 }}
        />
      </Flex>
      <Upload.Dragger
        name="file"
        multiple
        accept={ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',')}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        fileList={fileList}
        // a finished upload leaves this list: it appears in the measure's evidence list instead
        onChange={({ fileList: next }) => setFileList(next.filter((file) => file.status !== 'done'))}
        className="zg-dragger"
      >
        {!compact && (
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
        )}
        <p className="ant-upload-text">点击或将文件拖到此处上传佐证材料</p>
        <p className="ant-upload-hint">支持 PDF、OFD、图片、Word、Excel、PowerPoint，单个文件不超过 20 MB</p>
        <p className="zg-secret-warning">涉密材料严禁上传</p>
      </Upload.Dragger>
    </Flex>
  );
}
