// The repository a host would serve the branch from: a bare repository on disk.
def bare = new File(basedir, 'target/published.git')
bare.mkdirs()
def init = ['git', 'init', '--bare', '--quiet', bare.absolutePath].execute()
init.waitFor()
assert init.exitValue() == 0 : init.err.text
return true
