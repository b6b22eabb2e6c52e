import { App, Button, Card, Flex, List, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { NoAccess } from '@/components/errors/no-access';
import { QueryError } from '@/components/errors/query-error';
import { PageLoading } from '@/components/ui/page-loading';
import type { ConflictField } from '@/components/ui/version-conflict-modal';
import { useDeleteUnit } from '@/features/units/api/delete-unit';
import { usePersons } from '@/features/units/api/get-persons';
import { useUnits, type Unit } from '@/features/units/api/get-units';
import { useSaveUnit } from '@/features/units/api/save-unit';
import type { Editing, UnitConflict } from '@/features/units/components/unit-form-dialog';
import { errorMessage } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { isOfficer, useSessionUser } from '@/lib/auth';

// the create/edit dialog (Form, its validator, Select) loads when first opened: the tree's first paint does not need it
const UnitModal = lazy(() =>
  import('@/features/units/components/unit-form-dialog').then((module) => ({ default: module.UnitModal })),
);

// the version-conflict dialog (its Table of the changed fields) loads when a save meets a conflict
const ResolvableConflict = lazy(() =>
  import('@/components/ui/version-conflict-modal').then((module) => ({
    default: module.ResolvableConflict<Unit, UnitConflict['changes']>,
  })),
);

function toTree(units: Unit[], parentId: string | null): DataNode[] {
  return units
    .filter((unit) => unit.parentId === parentId)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((unit) => ({ key: unit.id, title: unit.name, children: toTree(units, unit.id) }));
}

function unitConflictFields(units: Unit[]): Array<ConflictField<Unit>> {
  const nameOf = (id: string | null) =>
    id ? (units.find((unit) => unit.id === id)?.name ?? '（已删除的单位）') : '无（顶级）';
  return [
    { key: 'name', label: '单位名称', text: (unit) => unit.name },
    { key: 'kind', label: '单位类型', text: (unit) => unit.kind },
    { key: 'parentId', label: '上级单位', text: (unit) => nameOf(unit.parentId) },
  ];
}

/** 单位管理: the unit tree (system admin, task force officers) and the people of the selected unit. */
export function AdminUnitsRoute() {
  const session = useSessionUser();
  const me = session.data;
  const allowed = Boolean(me && (me.roles.includes('system_admin') || isOfficer(me)));
  const units = useUnits({ enabled: allowed });
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  // mounted from the first opening on, so that closing keeps its animation
  const [opened, setOpened] = useState(false);
  const edit = (next: Editing) => {
    if (next) setOpened(true);
    setEditing(next);
  };
  const [conflict, setConflict] = useState<UnitConflict | null>(null);
  const saveUnit = useSaveUnit();
  const queryClient = useQueryClient();
  const persons = usePersons(selected);
  const remove = useDeleteUnit();
  const { modal, message } = App.useApp();

  if (!allowed) return <NoAccess title="无权管理单位" detail="单位管理仅限系统管理员和整改专班。" />;
  if (units.isPending) return <PageLoading />;
  if (units.isError) return <QueryError error={units.error} onRetry={() => units.refetch()} />;

  const current = units.data.find((unit) => unit.id === selected);
  return (
    <>
      <title>单位管理 · 整改工作台</title>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          单位管理
        </Typography.Title>
        <Button type="primary" onClick={() => edit({ parentId: selected })}>
          新建单位
        </Button>
      </Flex>
      <Flex wrap gap={16} style={{ marginTop: 16 }}>
        <Card title="单位" style={{ flex: '1 1 320px' }}>
          <Tree
            aria-label="单位树"
            defaultExpandAll
            treeData={toTree(units.data, null)}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
          />
        </Card>
        {current && (
          <Card title={current.name} style={{ flex: '1 1 320px' }}>
            <Typography.Paragraph type="secondary">
              {current.kind} · 承担措施 {current.measureCount} 项
            </Typography.Paragraph>
            <Space wrap style={{ marginBottom: 16 }}>
              <Button onClick={() => edit({ unit: current, parentId: current.parentId })}>编辑</Button>
              <Button onClick={() => edit({ parentId: current.id })}>新建下级单位</Button>
              <Button
                danger
                onClick={() =>
                  modal.confirm({
                    title: `删除单位 ${current.name}？`,
                    okText: '删除',
                    cancelText: '取消',
                    okButtonProps: { danger: true },
                    onOk: () =>
                      remove
                        .mutateAsync(current.id)
                        .then(() => {
                          message.success('已删除');
                          setSelected(null);
                        })
                        .catch((error: unknown) => message.error(errorMessage(error))),
                  })
                }
              >
                删除
              </Button>
            </Space>
            <List
              header="人员"
              loading={persons.isPending}
              locale={{ emptyText: '暂无人员' }}
              dataSource={persons.data ?? []}
              renderItem={(person) => (
                <List.Item>
                  {person.name}
                  {person.title ? ` · ${person.title}` : ''}
                  {person.isLeader ? '（责任领导）' : ''}
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
      {opened && (
        <Suspense fallback={null}>
          <UnitModal editing={editing} units={units.data} onClose={() => setEditing(null)} onConflict={setConflict} />
        </Suspense>
      )}
      {conflict && (
        <Suspense fallback={null}>
          <ResolvableConflict
            key={`${conflict.current.id}:${conflict.current.version}`}
            conflict={conflict}
            fields={unitConflictFields(units.data)}
            title={`单位“${conflict.seen.name}”在您编辑期间已被他人修改，本次未保存，以免覆盖他人的修改。`}
            save={(changes, version) => saveUnit.mutateAsync({ ...changes, id: conflict.current.id, version })}
            reload={() => queryClient.invalidateQueries({ queryKey: queryKeys.units })}
            onResolved={() => setConflict(null)}
            onConflictAgain={setConflict}
          />
        </Suspense>
      )}
    </>
  );
}
