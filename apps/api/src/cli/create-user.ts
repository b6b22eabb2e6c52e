// npm run user:create -- --username admin --roles system_admin [--name 系统管理员] [--unit 单位名称]
// Creates an account with a one-time password printed once; it must be changed at first sign-in. This is how the
// first administrators of a production installation (DEMO_DATA=off) come to exist.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ROLES, roleConflict, type Role } from '@zhenggai/domain';
import { generateTemporaryPassword, hashPassword } from '../modules/auth/passwords.js';
import { UserAccountEntity } from '../modules/auth/user-account.entity.js';
import { UnitEntity } from '../modules/units/unit.entity.js';
import { openCliContext } from './context.js';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    roles: { type: 'string' },
    name: { type: 'string' },
    unit: { type: 'string' },
  },
});
const username = values.username?.trim().toLowerCase();
const roles = (values.roles ?? '')
  .split(',')
  .map((role) => role.trim())
  .filter(Boolean) as Role[];
const problems: string[] = [];
if (!username || !/^[a-z0-9_.-]{3,64}$/.test(username))
  problems.push('--username: 3–64 lower-case letters, digits, _ . -');
if (roles.length === 0 || roles.some((role) => !ROLES.includes(role)))
  problems.push(`--roles: comma-separated, from ${ROLES.join(', ')}`);
const conflict = roleConflict(roles);
if (conflict) problems.push(`--roles: ${conflict}`);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(2);
}

const context = await openCliContext();
let code = 0;
try {
  const users = context.dataSource.getRepository(UserAccountEntity);
  if (await users.findOne({ where: { username } })) {
    console.error(`An account named ${username} already exists.`);
    code = 1;
  } else {
    const unit = values.unit
      ? await context.dataSource.getRepository(UnitEntity).findOne({ where: { name: values.unit } })
      : null;
    if (values.unit && !unit) throw new Error(`No unit named ${values.unit}`);
    const password = generateTemporaryPassword(username!);
    const user = await context.dataSource.transaction(async (manager) => {
      const saved = await manager.save(UserAccountEntity, {
        username: username!,
        displayName: values.name ?? username!,
        passwordHash: await hashPassword(password),
        roles,
        unitId: unit?.id ?? null,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
      });
      await manager.query(
        `INSERT INTO audit_event (action, actor_username, entity_type, entity_id, after) VALUES ('USER_CREATED', 'cli', 'user_account', $1, $2)`,
        [saved.id, JSON.stringify({ username, roles, unitId: unit?.id ?? null })],
      );
      return saved;
    });
    console.log(`Created ${user.username} (${roles.join(', ')}). One-time password, shown only now: ${password}`);
    console.log('It must be changed at the first sign-in.');
  }
} catch (error) {
  console.error((error as Error).message);
  code = 1;
} finally {
  await context.close();
}
process.exit(code);
