import Schema from '@rc-component/async-validator';
import { describe, expect, it } from 'vitest';
import LazyValidator from './form-async-validator';

// the build puts this class in place of async-validator in antd's Form (validateUtil.js): it must answer as the real one
async function outcome(validator: { validate: (source: object, option?: object) => Promise<unknown> }, value: unknown) {
  try {
    await validator.validate({ email: value }, {});
    return 'ok';
  } catch (error) {
    return (error as { errors: { message: string }[] }).errors.map((each) => each.message);
  }
}

describe('form-async-validator stub', () => {
  it('checks a value as async-validator does, with the messages it was given', async () => {
    const rules = { email: [{ type: 'email' as const, message: '请输入有效的邮箱地址' }, { required: true }] };
    const messages = { required: '%s 必填' };
    for (const value of ['a@example.gov.cn', 'lina@', undefined]) {
      const lazy = new LazyValidator(rules);
      lazy.messages(messages);
      const real = new Schema(rules);
      real.messages(messages);
      expect(await outcome(lazy, value)).toEqual(await outcome(real, value));
    }
    expect(await outcome(new LazyValidator(rules), 'lina@')).toEqual(['请输入有效的邮箱地址']);
  });
});
