import { Tag } from 'antd';
import type { LookbackItem } from '../api/get-lookback';
import type { LookbackSummary } from '../api/get-lookbacks';

/** 核查中 blue, 已完成 green; the label comes from the API. */
export function LookbackStatusTag({ lookback }: { lookback: Pick<LookbackSummary, 'status' | 'statusLabel'> }) {
  return (
    <Tag color={lookback.status === 'open' ? 'blue' : 'green'} className="zg-status-tag">
      {lookback.statusLabel}
    </Tag>
  );
}

/** 巩固 green, 反弹 red, 未核查 grey. */
export function LookbackResultTag({ item }: { item: Pick<LookbackItem, 'result' | 'resultLabel'> }) {
  if (!item.result) return <Tag className="zg-status-tag">未核查</Tag>;
  return (
    <Tag color={item.result === 'rebounded' ? 'red' : 'green'} className="zg-status-tag">
      {item.resultLabel}
    </Tag>
  );
}
