package io.orderflow.tools.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The committed AsyncAPI document ({@code docs/asyncapi.yaml}) and the files of the
 * repository it is checked against, read as plain YAML trees: local references
 * ({@code #/...}) are followed here, references to other files are left to the caller.
 */
final class AsyncApiDocument {

	/** The repository's root: surefire passes it, else the module's parent directory. */
	static final Path ROOT = Path.of(System.getProperty("orderflow.project.root", "..")).toAbsolutePath().normalize();

	static final Path FILE = ROOT.resolve("docs/asyncapi.yaml");

	private final Map<String, Object> tree;

	private AsyncApiDocument(Map<String, Object> tree) {
		this.tree = tree;
	}

	static AsyncApiDocument load() {
		return new AsyncApiDocument(yaml(FILE));
	}

	/**
	 * @param file a YAML file
	 * @return its top-level mapping
	 */
	static Map<String, Object> yaml(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			return Objects.requireNonNull(tree, () -> file + " is empty");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file, ex);
		}
	}

	Map<String, Object> tree() {
		return this.tree;
	}

	/**
	 * @param node a node of this document
	 * @return the node a local reference points to (after any chain of them), else the
	 * node itself
	 * @throws IllegalStateException when a local reference points to nothing
	 */
	Object resolve(Object node) {
		Object current = node;
		for (int hops = 0; hops < 10; hops++) {
			String ref = localRef(current);
			if (ref == null) {
				return current;
			}
			current = pointer(ref);
		}
		throw new IllegalStateException("Reference cycle at " + node);
	}

	Map<String, Object> map(Object node) {
		Object resolved = resolve(node);
		if (!(resolved instanceof Map<?, ?> map)) {
			throw new IllegalStateException("Not a mapping: " + resolved);
		}
		return cast(map);
	}

	Map<String, Object> map(Object node, String... path) {
		Map<String, Object> current = map(node);
		for (String key : path) {
			Object child = current.get(key);
			if (child == null) {
				throw new IllegalStateException("No '" + key + "' in " + current.keySet());
			}
			current = map(child);
		}
		return current;
	}

	Map<String, Object> section(String name) {
		return map(this.tree, name);
	}

	/**
	 * @return every local reference in the document, wherever it is
	 */
	List<String> localRefs() {
		List<String> refs = new ArrayList<>();
		collectRefs(this.tree, refs);
		return refs;
	}

	private static void collectRefs(Object node, List<String> refs) {
		if (node instanceof Map<?, ?> map) {
			String ref = localRef(map);
			if (ref != null) {
				refs.add(ref);
			}
			map.values().forEach((child) -> collectRefs(child, refs));
		}
		else if (node instanceof List<?> list) {
			list.forEach((child) -> collectRefs(child, refs));
		}
	}

	private static @Nullable String localRef(@Nullable Object node) {
		if (node instanceof Map<?, ?> map && map.get("$ref") instanceof String ref && ref.startsWith("#/")) {
			return ref;
		}
		return null;
	}

	/**
	 * A JSON pointer into this document, e.g. {@code #/components/messages/OrderPlaced}.
	 */
	private Object pointer(String ref) {
		Object current = this.tree;
		for (String token : ref.substring(2).split("/")) {
			String key = token.replace("~1", "/").replace("~0", "~");
			if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
				throw new IllegalStateException("Unresolved reference " + ref);
			}
			current = map.get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

}
