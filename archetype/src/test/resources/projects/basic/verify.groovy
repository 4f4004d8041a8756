// The project generated from the archetype: checked and built by a real Maven run (goal.txt).
def project = new File(basedir, 'project/acme-help')
if (!project.isDirectory()) {
    project = basedir
}
def log = new File(project, 'build.log').exists() ? new File(project, 'build.log').getText('UTF-8') : ''
assert new File(project, '.github/workflows/help-center.yml').isFile()
assert new File(project, '.gitignore').isFile()
assert new File(project, '.mvn/jvm.config').getText('UTF-8').trim() == '-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.3 -XX:+UseParallelGC --enable-native-access=ALL-UNNAMED'
assert new File(project, 'pharos.yml').getText('UTF-8').contains('title:\n  en: Acme Help')
def site = new File(project, 'target/site')
assert new File(site, 'en/getting-started/welcome/index.html').getText('UTF-8').contains('Welcome to the help center')
assert new File(site, 'zh-CN/getting-started/welcome/index.html').getText('UTF-8').contains('欢迎来到帮助中心')
assert new File(site, 'en/announcements/atom.xml').isFile()
assert new File(site, 'en/getting-started/faq/index.html').getText('UTF-8').contains('"FAQPage"')
def check = new groovy.json.JsonSlurper().parse(new File(project, 'target/pharos-check/pharos-check.json'))
assert check.errors == 0 : check.findings
return true
