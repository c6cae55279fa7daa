/**
 * npm run digest: sends every staff e-mail digest that is due now (each account with an address and
 * a registration new in its scope since its last digest), then exits. For a cron job, or to send at
 * once. Settings as the service's: SMTP_URL, MAIL_FROM, SITE_URL, DATA_DIR, CONTENT_DIR.
 * Exit code 1 when a digest could not be sent (it is tried again next time) or SMTP_URL is unset.
 */
import { readSiteContent } from '../src/domain/content-files-node.ts';
import { readConfig } from '../src/service/config.ts';
import { openDatabase } from '../src/service/storage/db.ts';
import { DigestSender } from '../src/service/digest/digest.ts';

process.umask(0o077);
process.removeAllListeners('warning');

try {
  const config = readConfig();
  if (!config.smtpUrl)
    throw new Error('SMTP_URL is not set (e.g. smtp://user:password@mail.example.vn:587)');
  const db = openDatabase(config.dataDir);
  const content = readSiteContent(config.contentDir);
  const sender = new DigestSender(db, () => content, {
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    siteUrl: config.siteUrl ?? `http://${config.host}:${config.port}/`,
    everyMinutes: config.digestEveryMinutes,
  });
  const outcomes = await sender.sendDue(new Date(), { respectInterval: false });
  for (const o of outcomes)
    console.log(
      o.result === 'sent'
        ? `sent ${o.count} registration(s) to ${o.account}`
        : `NOT sent to ${o.account}: ${o.error} (tried again next time)`,
    );
  console.log(
    `digest: ${outcomes.filter((o) => o.result === 'sent').length} sent, ${outcomes.filter((o) => o.result === 'failed').length} failed`,
  );
  db.close();
  if (outcomes.some((o) => o.result === 'failed')) process.exitCode = 1;
} catch (err) {
  console.error(`digest: ${(err as Error).message}`);
  process.exitCode = 1;
}
