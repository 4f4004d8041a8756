// A site from an earlier, successful build: a failed build must leave it exactly as it is.
def site = new File(basedir, 'target/site')
new File(site, '_pharos').mkdirs()
new File(site, 'index.html').setText('previous build', 'UTF-8')
return true
