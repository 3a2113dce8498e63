import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create('/tmp/pgfull/db');
await db.exec('create table t (x text)');
console.log('created');
const started = Date.now();
const timer = setInterval(
  () => console.log('tick', Math.round((Date.now() - started) / 1000)),
  2000,
);
try {
  for (let i = 0; i < 2000; i++) {
    await db.query("insert into t select repeat('x', 10000) from generate_series(1, 100)");
  }
  console.log('no error');
} catch (e) {
  console.log('error', e.code, e.message);
}
try {
  await db.query('select 1');
  console.log('after: select ok');
} catch (e) {
  console.log('after error', e.message);
}
clearInterval(timer);
process.exit(0);
