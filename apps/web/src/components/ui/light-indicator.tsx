import { LIGHT_LABELS, LIGHT_NAMES, type Light } from '@zhenggai/domain';

const LIGHT_COLORS: Record<Light, string> = { red: '#d92d20', yellow: '#e6a700', green: '#16a34a', grey: '#98a2b3' };

/** The 红/黄/绿/灰 traffic light: a coloured dot with its name, and its meaning (逾期, 临期…) on hover and for screen readers. */
export function LightIndicator({ light, showLabel = true }: { light: Light; showLabel?: boolean }) {
  const meaning = `${LIGHT_NAMES[light]}：${LIGHT_LABELS[light]}`;
  return (
    <span className="zg-light" title={meaning} aria-label={meaning} data-light={light}>
      <span className="zg-light-dot" style={{ backgroundColor: LIGHT_COLORS[light] }} aria-hidden />
      {showLabel && <span className="zg-light-name">{LIGHT_NAMES[light]}</span>}
    </span>
  );
}
