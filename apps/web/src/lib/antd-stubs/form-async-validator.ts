import type Schema from '@rc-component/async-validator';
import type { Rules, ValidateMessages, ValidateOption, Values } from '@rc-component/async-validator';

// Stands in for async-validator where antd's Form runs a field's rules (@rc-component/form/es/utils/validateUtil.js),
// in the production build (apps/web/vite.config.ts): rules run only once the user edits a field or submits, yet every
// page with a form downloaded the validator with it (issue 28: ~4 KB gzip). The validation is async already; the first
// one loads the validator, which then checks exactly as before. Only what validateUtil uses: `warning`, `messages()`
// and a promised `validate()`. Tests and `vite dev` use the module as it is.
let loaded: Promise<typeof Schema> | undefined;

export default class LazyValidator {
  static warning: typeof Schema.warning = () => undefined;

  private readonly rules: Rules;
  private validateMessages: ValidateMessages | undefined;

  constructor(rules: Rules) {
    this.rules = rules;
  }

  messages(messages: ValidateMessages): void {
    this.validateMessages = messages;
  }

  async validate(source: Values, option?: ValidateOption): Promise<Values> {
    loaded ??= import('@rc-component/async-validator').then((module) => module.default);
    const RealSchema = await loaded;
    RealSchema.warning = LazyValidator.warning;
    const validator = new RealSchema(this.rules);
    if (this.validateMessages) validator.messages(this.validateMessages);
    return validator.validate(source, option ?? {});
  }
}
