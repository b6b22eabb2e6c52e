import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Tabs, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { formatFileSize } from '@/lib/format';
import type { NoticeSource } from '../api/preview-notice-import';

// what the API reads (it checks the content against the name); these only spare the user a pointless upload
const ACCEPTED_EXTENSIONS = ['txt', 'docx', 'html', 'htm'];
const MAX_FILE_BYTES = 10 * 1024 * 1024;
// the API takes JSON bodies up to 1 MB; Chinese text is 3 bytes a character in UTF-8
const MAX_TEXT_BYTES = 1024 * 1024 - 1024;

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** Step 1 of the notice import: the published notice pasted as text, or uploaded as .txt, .docx or .html. */
export function NoticeSourceForm({
  defaultText,
  loading,
  errorText,
  onSubmit,
}: {
  defaultText: string;
  loading: boolean;
  errorText: string | null;
  onSubmit: (source: NoticeSource) => void;
}) {
  const { message } = App.useApp();
  const [mode, setMode] = useState<'text' | 'file'>('text');
  const [text, setText] = useState(defaultText);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    setProblem(null);
    if (mode === 'text') {
      if (text.trim() === '') return setProblem('请粘贴通报全文');
      if (new TextEncoder().encode(text).length > MAX_TEXT_BYTES)
        return setProblem('粘贴的文本超过 1 MB，请保存为 .txt 或 .docx 文件后上传');
      return onSubmit({ kind: 'text', text });
    }
    if (!file) return setProblem('请选择通报文件');
    onSubmit({ kind: 'file', file });
  };

  const fileList: UploadFile[] = file ? [{ uid: 'notice', name: file.name, status: 'done', size: file.size }] : [];

  return (
    <Flex vertical gap={16}>
      <Tabs
        activeKey={mode}
        onChange={(key) => {
          setMode(key as 'text' | 'file');
          setProblem(null);
        }}
        items={[
          {
            key: 'text',
            label: '粘贴文本',
            children: (
              <Input.TextArea
                aria-label="通报文本"
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder="将网站上公开的整改进展情况通报全文（含标题、落款和联系方式）粘贴到此处"
                rows={14}
              />
            ),
          },
          {
            key: 'file',
            label: '上传文件',
            children: (
              <Upload.Dragger
                name="file"
                accept={ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(',')}
                maxCount={1}
                fileList={fileList}
                beforeUpload={(picked) => {
                  if (!ACCEPTED_EXTENSIONS.includes(extensionOf(picked.name))) {
                    message.error(`不支持的文件类型：${picked.name}。仅支持 .txt、.docx、.html 文件`);
                    return Upload.LIST_IGNORE;
                  }
                  if (picked.size > MAX_FILE_BYTES) {
                    message.error(`文件超过 10 MB，不能上传：${picked.name}`);
                    return Upload.LIST_IGNORE;
                  }
                  setFile(picked);
                  setProblem(null);
                  // kept here and sent with 识别通报
                  return false;
                }}
                onRemove={() => setFile(null)}
                className="zg-dragger"
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined aria-hidden />
                </p>
                <p className="ant-upload-text">点击或将通报文件拖到此处</p>
                <p className="ant-upload-hint">支持 .txt（UTF-8 或 GB18030）、.docx、.html，不超过 10 MB</p>
                {file && (
                  <Typography.Text type="secondary">
                    已选择：{file.name}（{formatFileSize(file.size)}）
                  </Typography.Text>
                )}
              </Upload.Dragger>
            ),
          },
        ]}
      />
      {(problem ?? errorText) && <Alert type="error" showIcon role="alert" title={problem ?? errorText} />}
      <Flex gap={8} align="center" wrap>
        <Button type="primary" loading={loading} onClick={submit}>
          识别通报
        </Button>
        <Typography.Text type="secondary">识别只生成预览，不写入任何数据；核对无误后再确认导入。</Typography.Text>
      </Flex>
    </Flex>
  );
}
