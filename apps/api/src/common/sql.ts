// A tiny helper for parameterised SQL built from fixed fragments: values always travel as $n parameters.
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
