def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('en/guides/reset.md:6: broken link \'missing.md\'') : 'the error names the file and line'
assert log.contains('en/guides/reset.md:6: broken link \'/en/fees/\'')
assert log.contains('en/guides/second.md:3: unknown key \'tgas\' (did you mean \'tags\'?)')
assert !log.contains('at dev.pharos.') : 'no stack trace'
assert !log.contains(':build (') : 'site-check runs the checks only, not the build'
assert !new File(basedir, 'target/site').exists()
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/pharos-check/TEST-pharos-check.xml'))
def links = junit.testsuite.find { it.@name == 'links' }
assert links.@failures == '1'
assert links.testcase.find { it.@name == 'en/guides/reset.md' }.failure.size() == 1
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pharos-check/pharos-check.json'))
assert json.status == 'failed' && json.errors == 2
return true
