import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Result carries its 403/404/500 illustrations in the same module: a failure is rare, so it downloads when one
// shows (the text is there at once, the icon follows) instead of with every page.
const AntdResult = lazy(() => import('antd/es/result'));

/** antd's Result, loaded on first use. */
export function Result(props: ResultProps) {
  const { title, subTitle, extra } = props;
  return (
    <Suspense
      fallback={
        <div className="ant-result">
          <div className="ant-result-title">{title}</div>
          {subTitle && <div className="ant-result-subtitle">{subTitle}</div>}
          {extra && <div className="ant-result-extra">{extra}</div>}
        </div>
      }
    >
      <AntdResult {...props} />
    </Suspense>
  );
}
