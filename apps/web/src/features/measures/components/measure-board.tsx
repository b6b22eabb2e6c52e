import type { MeasureActor } from '@zhenggai/domain';
import { Empty, Flex } from 'antd';
import type { Measure } from '../api/get-measures';
import { useLazyConflictDialog } from './lazy-conflict-dialog';
import type { UnitOption } from './edit-modals';
import { MeasurePanel } from './measure-panel';

/** The measures of one problem, each with its actions; one conflict dialog serves them all. */
export function MeasureBoard({
  measures,
  actor,
  unitOptions,
}: {
  measures: Measure[];
  actor: MeasureActor;
  unitOptions: UnitOption[];
}) {
  const { openConflict, dialog } = useLazyConflictDialog(actor);
  return (
    <section aria-label="整改措施列表">
      {measures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无整改措施" />
      ) : (
        <Flex vertical gap={16}>
          {measures.map((measure) => (
            <MeasurePanel
              key={measure.id}
              measure={measure}
              actor={actor}
              unitOptions={unitOptions}
              onConflict={openConflict}
            />
          ))}
        </Flex>
      )}
      {dialog}
    </section>
  );
}
