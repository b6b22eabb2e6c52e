import type { ValueTransformer } from 'typeorm';

// numeric columns arrive from pg as strings; amounts here fit a double exactly (2 decimals, < 1e12).
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
