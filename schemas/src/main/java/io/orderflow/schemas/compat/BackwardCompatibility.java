package io.orderflow.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The registry's BACKWARD rule, checked offline: a consumer using the current schema must
 * be able to read every record written with the previous released schema of the same
 * name, and no released schema may disappear.
 * <p>
 * A directory of schemas is parsed as a whole with shared types ({@code Money.avsc})
 * first, the way the avro-maven-plugin compiles them.
 */
public final class BackwardCompatibility {

	private BackwardCompatibility() {
	}

	/**
	 * Compares two sets of schemas.
	 * @param released the previous released schemas, by full name
	 * @param current the schemas about to be released, by full name
	 * @return one human-readable line per violation; empty when {@code current} is
	 * backward compatible
	 */
	public static List<String> violations(Map<String, Schema> released, Map<String, Schema> current) {
		List<String> violations = new ArrayList<>();
		released.forEach((name, writer) -> {
			Schema reader = current.get(name);
			if (reader == null) {
				violations.add(name + ": released schema was removed");
				return;
			}
			var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
			if (result.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
				result.getIncompatibilities()
					.forEach((incompatibility) -> violations.add(name + ": " + incompatibility.getType() + " at "
							+ incompatibility.getLocation() + ": " + incompatibility.getMessage()));
			}
		});
		return violations;
	}

	/**
	 * Parses every {@code .avsc} file of a directory, shared types first.
	 * @param directory the directory
	 * @return top-level schemas by full name, in a stable order
	 */
	public static Map<String, Schema> parseDirectory(Path directory) {
		List<Path> files;
		try (Stream<Path> list = Files.list(directory)) {
			files = list.filter((file) -> file.toString().endsWith(".avsc"))
				.sorted(Comparator.comparing((Path file) -> !file.getFileName().toString().equals("Money.avsc"))
					.thenComparing(Path::getFileName))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Schema.Parser parser = new Schema.Parser();
		Map<String, Schema> schemas = new LinkedHashMap<>();
		for (Path file : files) {
			try {
				Schema schema = parser.parse(file.toFile());
				schemas.put(schema.getFullName(), schema);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return schemas;
	}

	/**
	 * The newest released version directory ({@code v1}, {@code v2}, ...) below a root.
	 * @param releasedRoot directory holding one sub-directory per released version
	 * @return the directory with the highest version number
	 */
	public static Path latestRelease(Path releasedRoot) {
		try (Stream<Path> list = Files.list(releasedRoot)) {
			return list.filter((dir) -> dir.getFileName().toString().matches("v\\d+"))
				.max(Comparator.comparingInt((Path dir) -> Integer.parseInt(dir.getFileName().toString().substring(1))))
				.orElseThrow(() -> new IllegalStateException("no released version below " + releasedRoot));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
