def file = new File(basedir, 'en/guides/close-your-account.md')
assert file.isFile()
def text = file.getText('UTF-8')
assert text.startsWith('---\ntitle: "Close your account"\n')
assert text.contains('draft: true')
assert new File(basedir, 'build.log').getText('UTF-8').contains('Created en')
return true
