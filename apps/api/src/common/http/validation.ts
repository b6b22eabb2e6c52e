import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { AppError, type FieldErrors } from '../errors/app-error.js';

// Chinese messages for class-validator constraints, so every DTO speaks Chinese without repeating messages.
const MESSAGES: Record<string, (args: string[]) => string> = {
  whitelistValidation: () => '不允许提交此字段',
  isDefined: () => '不能为空',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是文本',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isUuid: () => '编号格式不正确',
  isIn: (values) => `取值必须是以下之一：${values.join('、')}`,
  isEnum: () => '取值不在允许范围内',
  isArray: () => '必须是数组',
  arrayMaxSize: ([max]) => `最多 ${max} 项`,
  arrayMinSize: ([min]) => `至少 ${min} 项`,
  maxLength: ([max]) => `长度不能超过 ${max} 个字符`,
  minLength: ([min]) => `长度不能少于 ${min} 个字符`,
  min: ([min]) => `不能小于 ${min}`,
  max: ([max]) => `不能大于 ${max}`,
  isDateString: () => '日期格式应为 YYYY-MM-DD',
  isIso8601: () => '时间格式应为 ISO 8601',
  isIsoDate: () => '日期格式应为 YYYY-MM-DD，且须为有效日期',
  matches: () => '格式不正确',
  isEmail: () => '邮箱格式不正确',
  noControlCharacters: () => '不能包含控制字符',
  nestedValidation: () => '格式不正确',
};

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[path] = Object.entries(error.constraints).map(([key, english]) => {
        // a DTO that wrote its own Chinese message keeps it
        if (/[\u4e00-\u9fff]/.test(english)) return english;
        const translate = MESSAGES[key];
        const args = (error.contexts?.[key]?.args as string[] | undefined) ?? extractArgs(english);
        return translate ? translate(args) : '格式不正确';
      });
    }
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

// class-validator puts constraint values only in its English message; recover numbers and lists from it.
function extractArgs(message: string): string[] {
  const list = /one of the following values: (.+)$/.exec(message);
  if (list) return list[1].split(',').map((value) => value.trim());
  const numbers = message.match(/-?\d+(\.\d+)?/g);
  return numbers ?? [];
}

export function toFieldErrors(errors: ValidationError[]): FieldErrors {
  return collect(errors, '', {});
}

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Lookup = MetadataStorage['getTargetValidationMetadatas'];
const CACHED = Symbol('zhenggai.validationMetadataCache');

/**
 * class-validator looks up a DTO's rules on every validation by filtering its whole registry (every decorated class,
 * an `instanceof` test each for inheritance): the most expensive step of validating a small body. The registry only
 * grows while classes are decorated (module load), so the answer per (class, schema, always, strictGroups, groups)
 * is memoised and the memo is emptied whenever a rule is added. Same rules, same order, a fresh array per call.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let memo = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  storage.addValidationMetadata = (metadata) => {
    memo = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups ? `g:${groups.join('\u0001')}` : 'none'}`;
    let byKey = memo.get(target);
    if (!byKey) memo.set(target, (byKey = new Map()));
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found.slice();
  };
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => new AppError('VALIDATION_FAILED', undefined, { errors: toFieldErrors(errors) }),
  });
}
