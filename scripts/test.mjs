#!/usr/bin/env node
// The README's test command: makes sure what the tests need is there (PostgreSQL running, Chromium, Java for
// the HTML checker), installing Debian packages when run as root, or stopping with the exact command to run;
// then runs every test file with node's test runner through tsx.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

const isRoot = process.getuid?.() === 0;
const DEFAULT_PG = 'postgres://nt:nt@127.0.0.1:5432/nt';

function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { stdio: 'inherit', ...opts });
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

let aptUpdated = false;
function aptInstall(packages, why) {
  if (!isRoot || !has('apt-get')) {
    console.error(
      `\n${why} manque. Installez-le puis relancez :\n  sudo apt-get install -y ${packages.join(' ')}\n`,
    );
    process.exit(1);
  }
  console.log(`Installation de ${packages.join(', ')} (${why})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    sh('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  const r = sh('apt-get', ['install', '-y', '-qq', ...packages], { env });
  if (r.status !== 0) {
    console.error(`L’installation a échoué : apt-get install -y ${packages.join(' ')}`);
    process.exit(1);
  }
}

async function canConnect(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) {
    if (await canConnect(process.env.TEST_DATABASE_URL)) return process.env.TEST_DATABASE_URL;
    console.error('TEST_DATABASE_URL est défini mais PostgreSQL ne répond pas à cette adresse.');
    process.exit(1);
  }
  if (await canConnect(DEFAULT_PG)) return DEFAULT_PG;
  if (!has('pg_ctlcluster')) aptInstall(['postgresql', 'postgresql-contrib'], 'PostgreSQL');
  if (!isRoot) {
    console.error(
      `\nPostgreSQL ne répond pas sur ${DEFAULT_PG}. Démarrez-le et créez le rôle de test :\n` +
        `  sudo pg_ctlcluster <version> main start\n` +
        `  sudo -u postgres psql -c "CREATE ROLE nt LOGIN SUPERUSER PASSWORD 'nt'" -c "CREATE DATABASE nt OWNER nt"\n` +
        'ou définissez TEST_DATABASE_URL.\n',
    );
    process.exit(1);
  }
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(/\s+/));
  if (clusters.length === 0) {
    const version = readdirSync('/usr/lib/postgresql').sort().pop();
    sh('pg_createcluster', [version, 'main']);
    clusters.push([version, 'main']);
  }
  const [version, name] = clusters[0];
  sh('pg_ctlcluster', [version, name, 'start']);
  const psql = (sql) => sh('su', ['postgres', '-c', `psql -q -c "${sql}"`], { stdio: 'ignore' });
  psql("CREATE ROLE nt LOGIN SUPERUSER PASSWORD 'nt'");
  psql('CREATE DATABASE nt OWNER nt');
  for (let i = 0; i < 30; i++) {
    if (await canConnect(DEFAULT_PG)) return DEFAULT_PG;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error('PostgreSQL n’a pas démarré : voir les journaux de PostgreSQL.');
  process.exit(1);
}

function ensureBrowserAndJava() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!has('java')) missing.push('default-jre-headless');
  if (missing.length > 0) aptInstall(missing, 'Chromium et Java (tests dans le navigateur, validateur HTML)');
}

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) findTests(full, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const only = process.argv.slice(2);
const url = await ensurePostgres();
ensureBrowserAndJava();
const files = only.length > 0 ? only : [...findTests('src'), ...findTests('test')].sort();
console.log(`${files.length} fichiers de tests, PostgreSQL : ${url.replace(/:[^:@/]+@/, ':***@')}`);
const result = sh(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  env: {
    ...process.env,
    TEST_DATABASE_URL: url,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  },
});
process.exit(result.status ?? 1);
