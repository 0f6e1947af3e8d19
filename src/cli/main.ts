/** Entry point of the `critical-reader` command. */
import '../shared/node-polyfills';
import { runCli } from './run';

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = code;
