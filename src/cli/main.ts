/**
 * `quancheng`: the command-line tool. Each file in ./commands/ is one command named after
 * the file (start.ts → `quancheng start`) and exports a function whose name starts with
 * "register", taking the commander program. Adding a command is adding a file.
 */
import { readdirSync } from 'node:fs';
import { Command, CommanderError } from 'commander';

const COMMANDS = new URL('./commands/', import.meta.url);

/** The command modules to load: only the one named on the command line, or all for help. */
function commandFiles(argv: string[], files = readdirSync(COMMANDS)): string[] {
  const modules = files.filter((f) => /\.ts$/.test(f) && !/\.(test|spec)\.ts$/.test(f)).sort();
  const named = `${argv[2]}.ts`;
  // Loading only the named command keeps `rules eval` free of the server's and database's start-up.
  return modules.includes(named) ? [named] : modules;
}

/** Builds the program with its commands registered. */
export async function buildProgram(argv: string[] = process.argv): Promise<Command> {
  const program = new Command('quancheng')
    .description('泉城安居: 济南市人民政府公报 2025 第7/8期 policies as software')
    .exitOverride()
    .showHelpAfterError();
  for (const file of commandFiles(argv)) {
    const mod = (await import(new URL(file, COMMANDS).href)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) {
      if (name.startsWith('register') && typeof fn === 'function') (fn as (p: Command) => void)(program);
    }
  }
  return program;
}

/** Runs the CLI; usage errors exit 2, help and version exit 0. */
export async function main(argv: string[] = process.argv): Promise<void> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  }
}

await main();
