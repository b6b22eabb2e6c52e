// Every error the API answers with: a stable code for programs, an HTTP status and a Chinese message for people.
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  CSRF_TOKEN_INVALID: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, message: '请求的内容不存在或无权查看' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持此请求方式' },
  VERSION_CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  VERSION_REQUIRED: { status: 409, message: '缺少版本号，请刷新后重试' },
  TRANSITION_NOT_ALLOWED: { status: 409, message: '当前状态下不能执行此操作' },
  DUPLICATE: { status: 409, message: '数据已存在，不能重复创建' },
  REFERENCE_CONFLICT: { status: 409, message: '数据仍被引用或引用的数据不存在' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的内容类型' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试' },
  INTERNAL_ERROR: { status: 500, message: '服务器内部错误，请稍后重试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用，请稍后重试' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
