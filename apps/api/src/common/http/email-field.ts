import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength, ValidateIf } from 'class-validator';

/** An optional email address: trimmed; empty or null clears it. */
export function EmailField(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: 254,
      example: 'zhangsan@example.gov.cn',
      description: 'where mail notifications go; empty or null removes it',
    })(target, key);
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value))(target, key);
    ValidateIf((_object, value) => value !== null && value !== undefined)(target, key);
    MaxLength(254, { message: '邮箱地址过长' })(target, key);
    IsEmail({}, { message: '请输入有效的邮箱地址' })(target, key);
  };
}
