package io.orderflow.tools;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The options of one of the tools' command lines: {@code --name value} pairs and bare
 * {@code --flag}s, each checked against what the tool knows, so that a misspelt option or
 * a missing value is refused with the tool's usage instead of being ignored.
 */
public final class CommandLine {

	private final Map<String, String> values;

	private final Set<String> flags;

	private CommandLine(Map<String, String> values, Set<String> flags) {
		this.values = values;
		this.flags = flags;
	}

	/**
	 * @param args the command line
	 * @param usage the tool's options, named in every refusal
	 * @param valueOptions the options that take a value
	 * @param flagOptions the options that stand alone
	 * @return the options given
	 * @throws IllegalArgumentException for an unknown option or a missing value
	 */
	public static CommandLine parse(String[] args, String usage, List<String> valueOptions, List<String> flagOptions) {
		Map<String, String> values = new HashMap<>();
		Set<String> flags = new HashSet<>();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (flagOptions.contains(option)) {
				flags.add(option);
			}
			else if (!valueOptions.contains(option)) {
				throw new IllegalArgumentException("unknown option " + option + " (" + usage + ")");
			}
			else if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value for " + option + " (" + usage + ")");
			}
			else {
				values.put(option, args[++i]);
			}
		}
		return new CommandLine(values, flags);
	}

	/**
	 * @param flag a flag option
	 * @return whether it was given
	 */
	public boolean has(String flag) {
		return this.flags.contains(flag);
	}

	/**
	 * @param <T> the value's type
	 * @param option an option that takes a value
	 * @param parser reads the value
	 * @param otherwise the value when the option was not given
	 * @return the value given, read, or the default
	 */
	public <T> T value(String option, Function<String, T> parser, T otherwise) {
		return Optional.ofNullable(this.values.get(option)).map(parser).orElse(otherwise);
	}

	/**
	 * @param option an option that takes a URL
	 * @param otherwise the URL when the option was not given
	 * @return the URL without trailing slashes
	 */
	public String url(String option, String otherwise) {
		return value(option, (url) -> url.replaceAll("/+$", ""), otherwise);
	}

}
