// `npm run units:reorganise-demo [-- --dry-run]`: applies the illustrative 1 July 2025
// reorganisation (server/src/db/seed/lam-dong-2025.ts) to the Lâm Hà demo data through the same
// service as the admin page, so the demo shows the tree before and after. Made-up groupings: see README.
import { Role } from '../accounts/role.js';
import { User } from '../accounts/user.entity.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/orm.js';
import { DEMO_DECISION, DEMO_EFFECTIVE_ON, lamDong2025Mergers } from '../db/seed/lam-dong-2025.js';
import { ReorganisationService } from '../reorganisation/reorganisation.service.js';
import { createEventBus } from '../shared/event-bus.js';
import { createLogger } from '../shared/logger.js';
import { Unit } from '../units/unit.entity.js';

const dryRun = process.argv.includes('--dry-run');
try {
  const config = loadConfig({ JWT_SECRET: 'x'.repeat(32), ...process.env });
  const log = createLogger('warn');
  const { orm, close } = await openDatabase(config, log);
  const bus = await createEventBus(config.redisUrl, log);
  try {
    await migrate(orm);
    const em = orm.em.fork();
    const admin = await em.findOne(User, { role: Role.ADMIN }, { orderBy: { createdAt: 'asc' } });
    if (!admin) throw new Error('no administrator account: load the demo data first (npm start)');
    const units = new Map((await em.find(Unit, {})).map((unit) => [unit.code, unit]));
    const idOf = (code: string) => {
      const unit = units.get(code);
      if (!unit) throw new Error(`the demo unit ${code} is missing: is this the Lâm Hà demo database?`);
      return unit.id;
    };
    const report = await new ReorganisationService(em, bus).run(
      {
        decisionReference: DEMO_DECISION,
        effectiveOn: DEMO_EFFECTIVE_ON,
        note: 'Minh họa: các nhóm xã sáp nhập và tên xã mới là giả định cho bản demo.',
        merges: lamDong2025Mergers().map(({ unitCodes, newUnit }) => ({ unitIds: unitCodes.map(idOf), newUnit })),
      },
      admin,
      dryRun,
    );
    console.log(
      [
        dryRun ? 'dry run, nothing written:' : 'applied:',
        `${report.createdUnits.length} units created, ${report.endedUnits.length} became history, ${report.movedUnits.length} moved under a successor`,
        `${report.movedThreads.length} open threads moved, ${report.rules.filter((rule) => !rule.dropped).length} routing rules remapped, ${report.rules.filter((rule) => rule.dropped).length} dropped as duplicates`,
        `${report.movedAccounts.length} officer accounts moved (${report.movedAccounts.filter((account) => account.flagged).length} flagged for review)`,
      ].join('\n'),
    );
  } finally {
    await bus.close();
    await close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
