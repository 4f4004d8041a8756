def git(String... args) {
    def p = (['git', '--git-dir', new File(basedir, 'target/published.git').absolutePath] + args.toList()).execute()
    def out = p.text
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
    return out
}
def files = git('ls-tree', '-r', '--name-only', 'gh-pages').readLines()
assert files.contains('index.html')
assert files.contains('en/guides/reset/index.html')
assert files.contains('.nojekyll')
assert files.any { it.startsWith('_pharos/') }
assert git('show', 'gh-pages:en/guides/reset/index.html').contains('Open the app.')
// The second run built the same bytes, so it had nothing to push: one commit on the branch.
assert git('rev-list', '--count', 'gh-pages').trim() == '1'
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':build (default-site-build)') || log.contains(':build (')
assert log.contains('Nothing to publish')
return true
