import { LockOutlined } from '@ant-design/icons';
import { Result } from '@/components/ui/result';

interface NoAccessProps {
  /** The admin roles (三权分立) hold no business access by design: their role names explain why. */
  roleText?: string;
  /** Otherwise the API's own message for its 403. */
  detail?: string;
  title?: string;
}

export function NoAccess({ roleText, detail, title = '无权查看业务数据' }: NoAccessProps) {
  const subTitle = roleText
    ? `您当前的角色（${roleText}）负责系统管理工作，按照“三权分立”要求不能查看整改业务数据。如需查看，请使用业务账号登录。`
    : (detail ?? '您当前的账号不能查看整改业务数据。');
  return (
    <>
      <title>无权查看 · 整改工作台</title>
      <Result
        status="warning"
        icon={<LockOutlined style={{ color: '#b42318' }} aria-hidden />}
        title={title}
        subTitle={subTitle}
      />
    </>
  );
}
