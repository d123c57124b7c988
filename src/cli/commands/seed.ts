/**
 * `quancheng seed`: load the demo accounts and applications (src/demo/ACCOUNTS.md).
 * Idempotent: accounts that already have applications are left as they are.
 */
import type { Command } from 'commander';
import { migrate } from '../../db/client.js';
import { openConfiguredDb, resolveDataDir } from '../database.js';
import { loadFieldCrypto } from '../../crypto/index.js';
import { isIsoDate, todayInShanghai } from '../../rules/core/dates.js';
import { seedDemo } from '../../demo/seed.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../demo/accounts.js';
import { demoBank } from '../../demo/sale.js';
import { loadSimBankKey } from '../../payments/index.js';
import { systemClock } from '../../commands/context.js';

/** Registers `seed`. */
export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('载入演示数据 Load the demo accounts and applications')
    .option('--data-dir <dir>', 'PGlite data and key folder (default $QC_DATA_DIR or ./data)')
    .option('--today <date>', 'the date the demo is told up to (default: today in Asia/Shanghai)')
    .action(async (o: { dataDir?: string; today?: string }) => {
      const today = o.today ?? todayInShanghai(new Date());
      if (!isIsoDate(today)) {
        process.stderr.write('评估日期须为 YYYY-MM-DD / --today must be a date YYYY-MM-DD\n');
        process.exitCode = 2;
        return;
      }
      const dataDir = resolveDataDir(o.dataDir);
      const h = await openConfiguredDb(o.dataDir);
      try {
        await migrate(h);
        const crypto = loadFieldCrypto({ keyFile: `${dataDir}/keys.json` });
        // The 认购金 the demo pays are signed with the key of the platform's simulated bank (start.ts).
        const bank = demoBank(loadSimBankKey({ dataDir }), systemClock);
        const r = await seedDemo(h, { crypto, today, ...(o.today ? {} : { now: new Date() }), bank, log: (s) => process.stdout.write(`${s}\n`) });
        process.stdout.write(`seeded (${h.kind}): ${r.accountsCreated} accounts, ${r.applicationsCreated} applications, ${r.lapsed} lapsed, ${r.saleProjects} sale projects, ${r.closedLoopProjects} closed-loop projects\n`);
        process.stdout.write(`demo accounts (password ${DEMO_PASSWORD}): family1…family12, ${DEMO_STAFF.map((s) => s.username).join(', ')} — see src/demo/ACCOUNTS.md\n`);
      } finally {
        await h.close();
      }
    });
}
