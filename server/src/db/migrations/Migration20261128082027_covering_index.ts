import { Migration } from '@mikro-orm/migrations';

export class Migration20261128082027_covering_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "threads_created_covering" on "threads" ("created_at") include ("tone", "category_id", "place_id", "kind", "unit_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "threads_created_covering";`);
  }

}
