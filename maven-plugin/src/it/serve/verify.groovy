def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Serving http:\/\/127\.0\.0\.1:\d+\//
assert log.contains('Built ')
def page = new File(basedir, 'target/site/en/hello/index.html').getText('UTF-8')
assert page.contains('data-pharos-events=') : 'the preview build has the live-reload script'
return true
