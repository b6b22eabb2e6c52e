import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import type { Schemas } from '@zhenggai/api-client';

type Warning = Schemas['PreviewWarningDto'];

const SHOWN = 8;

/** What the parser could not read for certain (imprecise dates, missing sections, a cut-off text): to check by hand. */
export function NoticeWarnings({ warnings }: { warnings: Warning[] }) {
  const [all, setAll] = useState(false);
  if (warnings.length === 0)
    return <Alert type="success" showIcon title="识别过程没有发现需要特别核对的内容，仍请逐项核对后再导入。" />;
  const shown = all ? warnings : warnings.slice(0, SHOWN);
  return (
    <Alert
      type="warning"
      showIcon
      title={`识别提示 ${warnings.length} 条，请逐条核对`}
      description={
        <>
          <ul aria-label="识别提示" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {shown.map((warning, index) => (
              <li key={`${warning.code}-${index}`}>
                {warning.message}
                {warning.excerpt && (
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    原文：“{warning.excerpt}”
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
          {warnings.length > SHOWN && (
            <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(!all)}>
              {all ? '收起' : `显示全部 ${warnings.length} 条`}
            </Button>
          )}
        </>
      }
    />
  );
}
