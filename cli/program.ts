// commander in the reader's language: help's headings, usage and defaults, and commander's own usage errors (missing
// option, unknown command …) written in Vietnamese (or English), each with what to do next; exit code 2.
import { Command, Help, type Argument, type Option } from 'commander';
import { FRAME } from './help-text.ts';
import type { Lang } from './labels.ts';
import { nearest } from './suggest.ts';

/** Exit code of a command line that cannot run as typed (the CLI's "could not run"). */
export const EXIT_USAGE = 2;

const ERRORS = {
  vi: {
    missingOption: (flags: string, what: string) => `Thiếu tùy chọn bắt buộc ${flags}${what ? `: ${what}` : ''}.`,
    missingValue: (flags: string, what: string) => `Tùy chọn ${flags} cần một giá trị${what ? `: ${what}` : ''}.`,
    missingArgument: (name: string, what: string) => `Thiếu ${name}${what ? `: ${what}` : ''}.`,
    unknownOption: (flag: string, cmd: string) => `Lệnh “${cmd}” không có tùy chọn “${flag}”.`,
    excess: (cmd: string, extra: string, takes: string) =>
      takes ? `Thừa “${extra}”: lệnh “${cmd}” chỉ nhận ${takes}.` : `Thừa “${extra}”: lệnh “${cmd}” không nhận thêm gì.`,
    unknownCommand: (name: string) => `Không có lệnh “${name}”.`,
    commands: (path: string) => `Các lệnh của “${path}”:`,
    didYouMean: (s: string) => `Có phải bạn muốn gõ “${s}”?`,
    seeHelp: (path: string) => `Xem hướng dẫn: “${path} --help”.`,
    conflict: 'Hai tùy chọn này không dùng cùng nhau.',
  },
  en: {
    missingOption: (flags: string, what: string) => `Missing required option ${flags}${what ? `: ${what}` : ''}.`,
    missingValue: (flags: string, what: string) => `Option ${flags} needs a value${what ? `: ${what}` : ''}.`,
    missingArgument: (name: string, what: string) => `Missing ${name}${what ? `: ${what}` : ''}.`,
    unknownOption: (flag: string, cmd: string) => `Command "${cmd}" has no option "${flag}".`,
    excess: (cmd: string, extra: string, takes: string) =>
      takes ? `Too much: "${extra}"; command "${cmd}" takes only ${takes}.` : `Too much: "${extra}"; command "${cmd}" takes nothing more.`,
    unknownCommand: (name: string) => `There is no command "${name}".`,
    commands: (path: string) => `Commands of "${path}":`,
    didYouMean: (s: string) => `Did you mean "${s}"?`,
    seeHelp: (path: string) => `See the help: "${path} --help".`,
    conflict: 'These two options cannot be used together.',
  },
} as const;

/** An argument as the usage line writes it: "<tệp>", "<tệp...>", "[lệnh]". */
function argTerm(a: Argument): string {
  const name = `${a.name()}${a.variadic ? '...' : ''}`;
  return a.required ? `<${name}>` : `[${name}]`;
}

/** The command and its parents, outermost first. */
function lineage(cmd: Command): Command[] {
  return cmd.parent ? [...lineage(cmd.parent), cmd] : [cmd];
}

/** "phuluc token create": the command and its parents, as typed. */
function commandPath(cmd: Command): string {
  return lineage(cmd)
    .map((c) => c.name())
    .join(' ');
}

/**
 * A commander Command whose usage errors and help read in `lang`. Its subcommands are made by it, so they are too.
 * @example new LocalCommand('vi', 'phuluc')
 */
export class LocalCommand extends Command {
  constructor(
    readonly lang: Lang,
    name?: string,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalCommand(this.lang, name);
  }

  private usageError(message: string, code: string, help = true): never {
    const text = help ? `${message}\n${ERRORS[this.lang].seeHelp(commandPath(this))}` : message;
    return this.error(text, { code, exitCode: EXIT_USAGE });
  }

  // The methods below replace commander's own (same names, called by its parser) to say the same in lang.

  missingMandatoryOptionValue(option: Option): never {
    return this.usageError(ERRORS[this.lang].missingOption(option.flags, option.description), 'commander.missingMandatoryOptionValue');
  }

  optionMissingArgument(option: Option): never {
    return this.usageError(ERRORS[this.lang].missingValue(option.flags, option.description), 'commander.optionMissingArgument');
  }

  missingArgument(name: string): never {
    const arg = this.registeredArguments.find((a) => a.name() === name);
    const term = arg ? argTerm(arg) : name;
    return this.usageError(ERRORS[this.lang].missingArgument(term, arg?.description ?? ''), 'commander.missingArgument');
  }

  unknownOption(flag: string): never {
    const flags = ['--help', ...lineage(this).flatMap((c) => c.options.flatMap((o) => (o.long ? [o.long] : [])))];
    const near = flag.startsWith('--') ? nearest(flag.split('=')[0]!, flags) : undefined;
    const e = ERRORS[this.lang];
    return this.usageError(`${e.unknownOption(flag, commandPath(this))}${near ? ` ${e.didYouMean(near)}` : ''}`, 'commander.unknownOption');
  }

  _excessArguments(received: string[]): never {
    const expected = this.registeredArguments.length;
    const takes = this.registeredArguments.map((a) => argTerm(a)).join(' ');
    const extra = received.slice(expected).join(' ');
    return this.usageError(ERRORS[this.lang].excess(commandPath(this), extra, takes), 'commander.excessArguments');
  }

  _conflictingOption(): never {
    return this.usageError(ERRORS[this.lang].conflict, 'commander.conflictingOption');
  }

  /** "Không có lệnh “bogus”.", the commands one a line, and the nearest name when it looks like a slip. */
  unknownCommand(): never {
    const typed = this.args[0] ?? '';
    const e = ERRORS[this.lang];
    const helper = this.createHelp();
    const visible = helper.visibleCommands(this);
    const width = Math.max(...visible.map((c) => c.name().length));
    const lines = visible.map((c) => `  ${c.name().padEnd(width)}  ${c.description().split('\n')[0]}`);
    const near = nearest(
      typed,
      visible.map((c) => c.name()),
    );
    const text = [e.unknownCommand(typed), ...(near ? [e.didYouMean(near)] : []), '', e.commands(commandPath(this)), ...lines].join('\n');
    return this.usageError(text, 'commander.unknownCommand', false);
  }
}

/**
 * Help in `lang`: headings, "[tùy-chọn]" in usage lines, defaults as "(mặc định: …)", the global --lang shown under
 * every command. Set on the program before its commands are added (they inherit it).
 * @example localHelp(program, 'vi')
 */
export function localHelp(program: Command, lang: Lang): Command {
  const f = FRAME[lang];
  const local = (s: string) => s.replace('[options]', f.options).replace('[command]', f.command);
  return program.configureHelp({
    showGlobalOptions: true,
    styleTitle: (title: string) => (f.titles as Record<string, string>)[title] ?? title,
    commandUsage(cmd) {
      return local(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd) {
      return local(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(option) {
      const shown = option.defaultValue !== undefined && !option.isBoolean() && option.defaultValue !== '';
      return shown ? `${option.description} (${f.default}: ${String(option.defaultValue)})` : option.description;
    },
    argumentDescription(argument) {
      return argument.description;
    },
  });
}
