import groovy.json.JsonSlurper

def site = new File(basedir, 'target/site')
assert new File(site, "index.html").isFile()
def article = new File(site, 'en/guides/reset-password/index.html')
assert article.isFile()
assert article.getText('UTF-8').contains('Reset your password')
assert article.getText('UTF-8').contains('href="/en/guides/second/"')
assert new File(site, 'zh-CN/guides/reset-password/index.html').getText('UTF-8').contains('重置密码')
// second.md has no Chinese translation: it is published under zh-CN with the English text and a notice.
assert new File(site, 'zh-CN/guides/second/index.html').isFile()

def report = new JsonSlurper().parse(new File(basedir, 'target/pharos-report.json'))
assert report.status == 'ok'
assert report.pages.find { it.url == '/en/guides/reset-password/' && it.source == 'en/guides/reset-password.md' }
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':build (default-build)') : 'the build goal ran through the site-build phase'
assert log.contains('Built ') && log.contains('8 pages')
assert !log.contains(':check (') : 'checks have their own lifecycle: site-build does not run them'
return true
