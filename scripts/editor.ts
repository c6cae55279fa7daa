/**
 * Editor accounts for the review UI and the export API.
 *   npm run editor -- add NAME [--commune SLUG] [--email ADDRESS] --password-stdin
 *   npm run editor -- email NAME ADDRESS      (the address of the e-mail digest; --none stops it)
 *   npm run editor -- list
 *   npm run editor -- remove NAME
 * The password is one line on standard input; only its scrypt hash is stored.
 */
import { z } from 'zod';
import { readConfig } from '../src/service/config.ts';
import { communeResolver } from '../src/domain/commune.ts';
import { readSiteContent } from '../src/domain/content-files-node.ts';
import {
  AccountStore,
  ACCOUNT_NAME,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from '../src/service/storage/accounts.ts';
import { openDatabase } from '../src/service/storage/db.ts';

// The database, its journal and backups hold producers' personal data: owner-only files.
process.umask(0o077);

// node:sqlite announces itself as experimental on every run; that is noise for people using this tool.
process.removeAllListeners('warning');

const USAGE = `Usage:
  npm run editor -- add NAME [--commune SLUG] [--email ADDRESS] --password-stdin
  npm run editor -- email NAME ADDRESS | --none
  npm run editor -- list
  npm run editor -- remove NAME
NAME: 2-64 letters, digits, ".", "_", "@" or "-". Without --commune the account sees every commune.
ADDRESS: where the digest of new registrations in the account's scope is sent (needs SMTP_URL).`;

/** Wrong shape of the command line: the usage is printed too. */
class UsageError extends Error {}
/** A value refused (name, commune, password, account): the message says why. */
class Refusal extends Error {}

/** Reads the whole of standard input and returns its first line, without the line ending. */
async function readPasswordLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (one line): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

interface AddOptions {
  name: string;
  commune: string | null;
  email: string | null;
}

/** A plain e-mail address (as zod's check), lower-cased domain kept as typed. */
function checkEmail(value: string): string {
  const email = value.trim();
  if (!z.email().safeParse(email).success || email.length > 254)
    throw new Refusal(`invalid e-mail address "${value}"`);
  return email;
}

function parseAdd(args: string[]): AddOptions {
  let name: string | undefined;
  let commune: string | null = null;
  let email: string | null = null;
  let passwordStdin = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--password-stdin') passwordStdin = true;
    else if (arg === '--commune' || arg.startsWith('--commune=')) {
      const value = arg === '--commune' ? args[++i] : arg.slice('--commune='.length);
      if (!value || value.startsWith('--'))
        throw new UsageError('--commune needs a commune slug, e.g. --commune quang-son');
      commune = checkCommune(value);
    } else if (arg === '--email' || arg.startsWith('--email=')) {
      const value = arg === '--email' ? args[++i] : arg.slice('--email='.length);
      if (!value || value.startsWith('--'))
        throw new UsageError('--email needs an address, e.g. --email canbo@example.vn');
      email = checkEmail(value);
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (name === undefined) name = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (!name) throw new UsageError('add needs an account NAME');
  checkName(name);
  if (!passwordStdin)
    throw new UsageError(
      'add needs --password-stdin: the password is read as one line from standard input',
    );
  return { name, commune, email };
}

function checkName(name: string): void {
  if (!ACCOUNT_NAME.test(name))
    throw new Refusal(
      `invalid account name "${name}": use 2-64 letters, digits, ".", "_", "@" or "-"`,
    );
}

function checkCommune(value: string): string {
  const content = readSiteContent(readConfig().contentDir);
  const commune = communeResolver(content.communes)(value);
  if (!commune) {
    throw new Refusal(
      `unknown commune "${value}"; known communes: ${content.communes.map((c) => c.slug).join(', ')}`,
    );
  }
  return commune.slug;
}

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new Refusal(
      `password too short: it must have at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  if ([...password].length > MAX_PASSWORD_LENGTH)
    throw new Refusal(`password too long: at most ${MAX_PASSWORD_LENGTH} characters`);
}

function accounts(): AccountStore {
  return new AccountStore(openDatabase(readConfig().dataDir));
}

async function add(args: string[]): Promise<void> {
  const { name, commune, email } = parseAdd(args);
  const password = await readPasswordLine();
  checkPassword(password);
  const store = accounts();
  if (store.get(name))
    throw new Refusal(`account "${name}" already exists; remove it first to change it`);
  await store.add(name, password, commune);
  if (email) store.setEmail(name, email);
  console.log(
    `Added account ${name} (${commune ? `commune ${commune}` : 'all communes'}${email ? `, digest to ${email}` : ''}).`,
  );
}

function email(args: string[]): void {
  if (args.length !== 2)
    throw new UsageError('email needs an account NAME and an ADDRESS (or --none)');
  const [name, value] = args as [string, string];
  checkName(name);
  const address = value === '--none' ? null : checkEmail(value);
  if (!accounts().setEmail(name, address)) throw new Refusal(`no account named "${name}"`);
  console.log(
    address
      ? `Digest of new registrations for ${name} goes to ${address}.`
      : `No more digests for ${name}.`,
  );
}

function list(args: string[]): void {
  if (args.length) throw new UsageError(`list takes no arguments, got "${args.join(' ')}"`);
  const all = accounts().list();
  if (all.length === 0)
    console.log('No accounts yet. Add one with: npm run editor -- add NAME --password-stdin');
  for (const a of all)
    console.log(
      `${a.name}\t${a.commune ?? '(all communes)'}\t${a.createdAt}${a.email ? `\t${a.email}` : ''}`,
    );
}

function remove(args: string[]): void {
  if (args.length !== 1) throw new UsageError('remove needs exactly one account NAME');
  const name = args[0]!;
  checkName(name);
  if (!accounts().remove(name)) throw new Refusal(`no account named "${name}"`);
  console.log(`Removed account ${name} and its sessions.`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case 'add':
      return add(args);
    case 'list':
      return list(args);
    case 'email':
      return email(args);
    case 'remove':
      return remove(args);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(USAGE);
      if (command === undefined) process.exitCode = 1;
      return;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`editor: ${message}`);
  if (err instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
}
