def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('en/broken.md:2:') : 'the error names the file and the line'
assert log.contains('put quotes around it')
assert !log.contains('at dev.pharos.') : 'no stack trace'
assert new File(basedir, 'target/site/index.html').getText('UTF-8') == 'previous build'
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pharos-report.json'))
assert report.status == 'failed'
assert report.errors[0].file == 'en/broken.md' && report.errors[0].line == 2
return true
