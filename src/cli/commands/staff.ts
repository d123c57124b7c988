/**
 * `quancheng staff create`: create a staff account (district staff, city staff, auditor).
 * There is no HTTP route for this, so a visitor can never give itself a staff role.
 * The password is read from stdin (`--password-stdin`) or $QC_NEW_PASSWORD, never from the
 * command line, where other users of the machine could read it in the process list.
 */
import type { Command } from 'commander';
import { migrate } from '../../db/client.js';
import { openConfiguredDb } from '../database.js';
import { createStaff, STAFF_ROLES, type StaffRole } from '../../commands/accounts/create-staff.js';
import { isDomainError } from '../../commands/errors.js';

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

type Opts = { username: string; role: string; district?: string; displayName: string; passwordStdin?: boolean; dataDir?: string };

/** Registers `staff create`. */
export function registerStaff(program: Command): void {
  const staff = program.command('staff').description('员工账户 Staff accounts');
  staff
    .command('create')
    .description('创建员工账户 Create a staff account (seed/CLI only; no HTTP route grants a staff role)')
    .requiredOption('--username <name>', 'login name')
    .requiredOption('--role <role>', STAFF_ROLES.join(' | '))
    .option('--district <code>', 'district code (district_staff only)')
    .requiredOption('--display-name <name>', 'name shown in the console and the audit log')
    .option('--password-stdin', 'read the password from the first line of stdin (else $QC_NEW_PASSWORD)')
    .option('--data-dir <dir>', 'PGlite data folder (default $QC_DATA_DIR or ./data)')
    .action(async (o: Opts) => {
      const password = o.passwordStdin ? await readStdinLine() : process.env.QC_NEW_PASSWORD ?? '';
      if (!password) {
        process.stderr.write('缺少密码：请使用 --password-stdin 或设置 QC_NEW_PASSWORD / password missing: use --password-stdin or QC_NEW_PASSWORD\n');
        process.exitCode = 2;
        return;
      }
      const h = await openConfiguredDb(o.dataDir);
      try {
        await migrate(h);
        const a = await createStaff({ db: h.db }, {
          username: o.username, password, displayName: o.displayName, role: o.role as StaffRole,
          ...(o.district ? { districtCode: o.district } : {}),
        });
        process.stdout.write(`${a.created ? 'created' : 'exists'}: ${a.username} (${a.role}${a.districtCode ? ` ${a.districtCode}` : ''})\n`);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        process.stderr.write(`${e.message_zh} / ${e.message_en}${e.field ? ` [${e.field}]` : ''}\n`);
        process.exitCode = 1;
      } finally {
        await h.close();
      }
    });
}
