// `npm run db:backup` and `npm run db:restore` on the embedded database, without a server
// (the e2e suite backs up a running server, e2e/operations.spec.ts): a private file, never
// overwritten; a restore only into an empty data folder, giving back every row.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openEmbedded } from '@/lib/db/connect';
import { rowsOf } from '@/lib/db/rows';
import { compte } from '@/lib/common/pluriel';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpro-sauvegarde-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(program: string, args: string[], dataDir: string) {
  return spawnSync(process.execPath, ['scripts/cli.mjs', program, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

async function fingerprint(dataDir: string) {
  const connection = await openEmbedded(path.join(dataDir, 'pglite'));
  try {
    const [row] = rowsOf<Record<string, string>>(
      await connection.db.execute(sql`
        select (select count(*) from bilans)::text as bilans,
               (select count(*) from positionnements)::text as positionnements,
               (select count(*) from pronote_jetons)::text as jetons,
               (select md5(string_agg(id::text || constats || coalesce(valide_le::text, ''), ',' order by id)) from bilans) as archives`),
    );
    return row;
  } finally {
    await connection.close();
  }
}

describe('npm run db:backup / db:restore', () => {
  it(
    'backs up privately, never overwrites, restores only into an empty folder, identical',
    { timeout: 300_000 },
    async () => {
      const source = path.join(dir, 'source');
      // A database with the demo and a token.
      expect(
        run('pronote-token', ['--uai', '0999001W', '--label', 'avant sauvegarde'], source).status,
      ).toBe(0);
      const file = path.join(dir, 'sauvegarde.tar.gz');
      const backup = run('db-backup', [file], source);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/Sauvegarde écrite dans .* \(\d+\.\d Mo, \d+ ms\)\./);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const again = run('db-backup', [file], source);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('existe déjà');

      expect(run('db-restore', [file], source).stderr).toContain('contient déjà une base');
      const target = path.join(dir, 'cible');
      const restored = run('db-restore', [file], target);
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/Base restaurée .* \(schéma : a-jour\)/);
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      const broken = path.join(dir, 'pas-une-sauvegarde.tar.gz');
      fs.writeFileSync(broken, 'bonjour');
      const refused = run('db-restore', [broken], path.join(dir, 'autre'));
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('n’est pas une sauvegarde lisible');
    },
  );
});

describe('an upgrade of the embedded database', () => {
  it(
    'backs the previous release’s database up, then migrates it',
    { timeout: 300_000 },
    async () => {
      // The previous release's schema: every migration but those of this batch (0011, 0012).
      const dataDir = path.join(dir, 'ancienne');
      const folder = path.join(dir, 'migrations-precedentes');
      fs.cpSync('drizzle', folder, { recursive: true });
      for (const tag of ['0011_administration', '0012_alimentation'])
        fs.rmSync(path.join(folder, `${tag}.sql`));
      const journal = JSON.parse(
        fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8'),
      ) as {
        entries: { idx: number }[];
      };
      const pending = journal.entries.filter((e) => e.idx > 10).length;
      journal.entries = journal.entries.filter((e) => e.idx <= 10);
      fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      const old = await openEmbedded(path.join(dataDir, 'pglite'));
      await migrate(old.db as Parameters<typeof migrate>[0], { migrationsFolder: folder });
      await old.close();

      const started = run('pronote-token', ['--list'], dataDir);
      expect(started.status, started.stderr).toBe(0);
      expect(started.stdout).toMatch(
        new RegExp(
          `${compte(pending, 'migration', 'migrations')} à appliquer : sauvegarde préalable dans .*avant-migration-.*\\.tar\\.gz`,
        ),
      );
      const backups = fs.readdirSync(path.join(dataDir, 'sauvegardes'));
      expect(backups).toHaveLength(1);
      expect(fs.statSync(path.join(dataDir, 'sauvegardes', backups[0]!)).mode & 0o777).toBe(0o600);
      // Migrated and seeded: the backup holds the old schema, the folder the new one.
      const restoredOld = run(
        'db-restore',
        [path.join(dataDir, 'sauvegardes', backups[0]!)],
        path.join(dir, 'avant'),
      );
      expect(restoredOld.stdout).toContain(
        `${compte(pending, 'migration', 'migrations')} à appliquer au démarrage`,
      );
      const again = run('pronote-token', ['--list'], dataDir);
      expect(again.stdout).not.toContain('sauvegarde préalable');
    },
  );
});
