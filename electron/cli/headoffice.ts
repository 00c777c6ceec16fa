/**
 * Head-office administration (run where PostgreSQL is reachable; `--pg` or PG_URL):
 *   migrate
 *   add-branch --code C --name N            → creates the branch and prints its first branch key
 *   issue-key (--branch C | --admin) [--label L]   → prints a new key (shown once)
 *   revoke-key --key-id ID
 *   load-branch-db --branch C --db FILE [--key-file FILE]   → first load of a branch's master data
 *   publish-settings [--branch C | --branches C1,C2] --file CONFIG.json [--mandatory] [--note N]
 *     (whole sections or a whole config; branches keep settings they changed themselves unless --mandatory)
 *   put-campaign [--branch C] --file CAMPAIGN.json [--withdraw]
 */
import { readFileSync } from 'node:fs';
import { campaignSchema } from '@shared/suggest/campaigns';
import { loadBranchDbFile } from '../db/headoffice/bootstrap';
import { openHeadOffice } from '../db/headoffice/connection';
import { piiKeyId } from '../db/headoffice/pii-key';
import { decodeKeys, Pii } from '../db/pii';
import { HeadOffice } from '../server/headoffice/services';
import { HoSettingsPushApp, hoSettingsPublisher } from '../app/headoffice/settings-push';

const argv = process.argv.slice(2);
const command = argv[0];
function flag(name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}
function need(name: string): string {
  const v = flag(name);
  if (!v) throw new Error(`missing --${name}`);
  return v;
}

async function branchId(ho: HeadOffice, code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const b = await ho.keys.branchByCode(code);
  if (!b) throw new Error(`no branch ${code}`);
  return b.id;
}

async function main(): Promise<void> {
  const url = flag('pg') ?? process.env.PG_URL;
  if (!url || !command) {
    console.error(
      'usage: headoffice-cli <command> --pg postgres://… (see the top of electron/cli/headoffice.ts)',
    );
    process.exitCode = 2;
    return;
  }
  const ho = new HeadOffice(await openHeadOffice(url, { max: 2 }));
  const now = Date.now();
  try {
    switch (command) {
      case 'migrate':
        console.log(`schema ${(await ho.db.applied()).at(-1) ?? ''}`);
        break;
      case 'add-branch': {
        const id = await ho.keys.addBranch(need('code'), need('name'), now);
        const key = await ho.keys.issue({ scope: 'branch', branchId: id }, 'first key', now);
        console.log(`branch ${need('code')} created; branch key (shown once):\n${key.token}`);
        break;
      }
      case 'issue-key': {
        const label = flag('label') ?? null;
        const key = argv.includes('--admin')
          ? await ho.keys.issue({ scope: 'admin' }, label, now)
          : await ho.keys.issue(
              { scope: 'branch', branchId: (await branchId(ho, need('branch'))) as string },
              label,
              now,
            );
        console.log(`key ${key.keyId} (shown once):\n${key.token}`);
        break;
      }
      case 'revoke-key':
        console.log((await ho.keys.revoke(need('key-id'), now)) ? 'revoked' : 'no such active key');
        break;
      case 'load-branch-db': {
        const id = (await branchId(ho, need('branch'))) as string;
        const keyFile = flag('key-file');
        const keyId = keyFile
          ? piiKeyId(
              new Pii(decodeKeys(JSON.parse(readFileSync(keyFile, 'utf8')) as { hmac: string; enc: string })),
            )
          : null;
        const r = await loadBranchDbFile(need('db'), ho.master, { branchId: id, piiKeyId: keyId, now });
        console.log(JSON.stringify(r));
        break;
      }
      case 'publish-settings': {
        // Same checks and policy as POST /api/ho/settings (electron/app/headoffice/settings-push.ts).
        const codes = [flag('branch'), ...(flag('branches') ?? '').split(',')].filter(
          (c): c is string => !!c,
        );
        const push = new HoSettingsPushApp({
          keys: ho.keys,
          publish: hoSettingsPublisher(ho.db),
          now: () => now,
        });
        const r = await push.publish(
          {
            config: JSON.parse(readFileSync(need('file'), 'utf8')) as unknown,
            branches: codes,
            mandatory: argv.includes('--mandatory'),
            ...(flag('note') ? { note: flag('note') } : {}),
          },
          'headoffice-cli',
        );
        for (const v of r.versions)
          console.log(`settings version ${v.version} → ${v.branch ?? 'all branches'}`);
        break;
      }
      case 'put-campaign': {
        const campaign = campaignSchema.parse(JSON.parse(readFileSync(need('file'), 'utf8')));
        const changed = await ho.master.putCampaign(
          campaign,
          await branchId(ho, flag('branch')),
          !argv.includes('--withdraw'),
          now,
        );
        console.log(changed ? 'campaign saved' : 'campaign unchanged');
        break;
      }
      default:
        throw new Error(`unknown command ${command}`);
    }
  } finally {
    await ho.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
