/** Where the command line writes, shared by the main command and its `audit` subcommand. */
export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The built CLI script, for worker threads in batch runs; without it files run one after another. */
  workerScript?: URL;
}
