import { Select } from 'antd';
import type { Inspection } from '../api/get-inspections';

/** Shown only when there is more than one inspection (巡视/巡察 round) to choose from. */
export function InspectionSwitcher({
  inspections,
  value,
  onChange,
}: {
  inspections: Inspection[];
  value: string;
  onChange: (inspectionId: string) => void;
}) {
  if (inspections.length < 2) return null;
  return (
    <Select
      aria-label="切换巡视巡察轮次"
      value={value}
      onChange={onChange}
      options={inspections.map((inspection) => ({
        value: inspection.id,
        label:
          [
            inspection.term,
            inspection.issuingCommittee,
            inspection.round ? `第${inspection.round}轮` : null,
            inspection.group,
          ]
            .filter(Boolean)
            .join(' ') || inspection.title,
        title: inspection.title,
      }))}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, maxWidth: '100%' }}
    />
  );
}

/** The inspection named in the URL, else the newest one (the API lists the newest first). */
export function pickInspection(inspections: Inspection[], requestedId: string | null): Inspection | undefined {
  return inspections.find((inspection) => inspection.id === requestedId) ?? inspections[0];
}
