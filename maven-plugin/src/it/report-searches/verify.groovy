import groovy.json.JsonSlurper

def out = new File(basedir, 'target/search-report')
assert new File(out, 'report.html').isFile()
def report = new JsonSlurper().parse(new File(out, 'report.json'))
assert report.badLines == 1
def en = report.locales.find { it.locale == 'en' }
assert en.noResults.find { it.query == 'withdrawl limit' }.searches == 2
assert en.suggestions.any { it.toString().contains('withdrawl') && it.toString().contains('withdrawal') }
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING]') && log.contains('search.jsonl:5: not valid JSON')
return true
