// For each package named on the command line: the names `import()` and `require()` give (require of
// an ES module, Node 20.19 and later), or the error each threw, and whether both give the same module.
const describe = async (name) => {
  const out = {};
  let imported;
  let required;
  try {
    imported = await import(name);
    out.imported = Object.keys(imported);
  } catch (error) {
    out.importError = `${error.code ?? error.name}: ${error.message}`;
  }
  try {
    required = require(name);
    out.required = Object.keys(required);
  } catch (error) {
    out.requireError = `${error.code ?? error.name}: ${error.message}`;
  }
  out.same = imported !== undefined && imported === required;
  return [name, out];
};

Promise.all(process.argv.slice(2).map(describe)).then((entries) => console.log(JSON.stringify(Object.fromEntries(entries))));
