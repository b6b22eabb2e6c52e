import fs from 'node:fs';
import path from 'node:path';

export type Figures = Record<string, string | number>;

/**
 * Records a drill's figures: printed at once, and written to DRILL_FIGURES_DIR (set by `npm test`), from where the
 * drills tier prints one table after the run.
 */
export function recordFigures(id: string, title: string, figures: Figures): void {
  const line = Object.entries(figures)
    .map(([name, value]) => `${name} ${value}`)
    .join(' · ');
  process.stdout.write(`\n${id} ${title}: ${line}\n`);
  const dir = process.env.DRILL_FIGURES_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ id, title, figures }, null, 2));
}
