// `npm run user:set-password -- <email>`: sets an account's password (read from standard input,
// or a prompt) and revokes its tokens. Works on DATABASE_URL or on the embedded database.
import { createInterface } from 'node:readline/promises';
import { normaliseEmail } from '../accounts/account.service.js';
import { hashPassword } from '../accounts/password.js';
import { User } from '../accounts/user.entity.js';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createEventBus } from '../shared/event-bus.js';
import { createLogger } from '../shared/logger.js';

async function readPassword(): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const answer = await prompt.question(process.stdin.isTTY ? 'New password (at least 8 characters): ' : '');
  prompt.close();
  return answer.trim();
}

const email = process.argv[2];
if (!email) {
  console.error('usage: npm run user:set-password -- <email>   (the password is read from standard input)');
  process.exit(2);
}
try {
  const config = loadConfig();
  const password = await readPassword();
  if (password.length < 8 || password.length > 128) throw new Error('the password must be 8 to 128 characters long');
  const log = createLogger('warn');
  const { orm, close } = await openDatabase(config, log);
  try {
    const em = orm.em.fork();
    const user = await em.findOne(User, { email: normaliseEmail(email) });
    if (!user) throw new Error(`no account with the e-mail ${email}`);
    user.passwordHash = await hashPassword(password);
    user.tokenVersion += 1;
    await em.flush();
    // With Redis, running servers close the account's open sockets now; without it, within
    // LIVE_ACCOUNT_CHECK_SECONDS (each instance checks the accounts behind its sockets).
    if (config.redisUrl) {
      const bus = await createEventBus(config.redisUrl, log);
      await bus.publish('accounts', { userId: user.id, tokenVersion: user.tokenVersion });
      await bus.close();
    }
    console.log(`password changed for ${user.email}; older tokens no longer work`);
  } finally {
    await close();
  }
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
