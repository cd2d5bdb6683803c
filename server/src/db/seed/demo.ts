import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../accounts/password.js';
import { Role } from '../../accounts/role.js';
import { User } from '../../accounts/user.entity.js';
import { PRIVACY_NOTICE } from '../../shared/privacy-notice.js';
import { Category } from '../../units/category.entity.js';
import { Unit } from '../../units/unit.entity.js';
import { seedCampaignDemo } from './campaign-demo.js';
import { seedDialogueDemo } from './dialogue-demo.js';
import { categories, officerEmail, people, units } from './lam-ha.js';

export interface SeedSummary {
  units: number;
  categories: number;
  accounts: number;
}

/** Loads the Lâm Hà demo data in one transaction, only into a database that has no units yet. */
export async function seedDemoData(em: EntityManager, password: string): Promise<SeedSummary | null> {
  if ((await em.count(Unit)) > 0) return null;
  return em.transactional(async (tx) => {
    const byCode = new Map<string, Unit>();
    for (const seed of units) {
      const parent = seed.parentCode ? byCode.get(seed.parentCode) : undefined;
      if (seed.parentCode && !parent) throw new Error(`demo unit ${seed.code} comes before its parent`);
      byCode.set(
        seed.code,
        tx.create(Unit, {
          code: seed.code,
          name: seed.name,
          level: seed.level,
          kind: seed.kind,
          parent,
          latitude: seed.latitude,
          longitude: seed.longitude,
        }),
      );
    }
    const categoryByCode = new Map(categories.map((seed) => [seed.code, tx.create(Category, seed)]));
    seedDialogueDemo(tx, byCode, categoryByCode);

    const accounts = [
      ...people.map((person) => ({
        ...person,
        role: Role[person.role],
        unit: undefined as Unit | undefined,
      })),
      ...[...byCode.values()].map((unit) => ({
        email: officerEmail(unit.code),
        displayName: `Cán bộ ${unit.name}`,
        role: Role.OFFICER,
        unit,
      })),
    ];
    const hashes = await Promise.all(accounts.map(() => hashPassword(password)));
    // Demo accounts start agreed to the notice in force (a real sign-up records it in `consents`).
    const consent = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };
    const users = accounts.map((account, index) =>
      tx.create(User, { ...account, ...consent, passwordHash: hashes[index]! }),
    );
    seedCampaignDemo(tx, byCode, users);
    return {
      units: byCode.size,
      categories: categories.length,
      accounts: accounts.length,
    };
  });
}
