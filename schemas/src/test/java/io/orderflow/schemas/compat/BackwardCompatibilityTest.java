package io.orderflow.schemas.compat;

import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the build gate can fail: each incompatible change the registry's BACKWARD rule
 * refuses is refused here too, and the compatible ones pass.
 */
class BackwardCompatibilityTest {

	private static final String V1 = """
			{"type":"record","name":"Thing","namespace":"t","fields":[
			  {"name":"id","type":"string"},
			  {"name":"quantity","type":"int"},
			  {"name":"reason","type":{"type":"enum","name":"Reason","symbols":["UNKNOWN","A","B"],"default":"UNKNOWN"}}
			]}""";

	@Test
	void addingAFieldWithADefaultIsCompatible() {
		assertThat(violations(V1, V1.replace("""
				{"name":"quantity","type":"int"},""", """
				{"name":"quantity","type":"int"},{"name":"note","type":["null","string"],"default":null},""")))
			.isEmpty();
	}

	@Test
	void removingAFieldIsCompatible() {
		assertThat(violations(V1, V1.replace("""
				{"name":"quantity","type":"int"},""", ""))).isEmpty();
	}

	@Test
	void wideningIntToLongIsCompatible() {
		assertThat(violations(V1, V1.replace("\"quantity\",\"type\":\"int\"", "\"quantity\",\"type\":\"long\"")))
			.isEmpty();
	}

	@Test
	void addingARequiredFieldWithoutDefaultIsRejected() {
		assertThat(violations(V1, V1.replace("""
				{"name":"quantity","type":"int"},""", """
				{"name":"quantity","type":"int"},{"name":"currency","type":"string"},"""))).singleElement()
			.asString()
			.contains("t.Thing", "READER_FIELD_MISSING_DEFAULT_VALUE", "currency");
	}

	@Test
	void narrowingATypeIsRejected() {
		assertThat(violations(V1.replace("\"quantity\",\"type\":\"int\"", "\"quantity\",\"type\":\"long\""), V1))
			.singleElement()
			.asString()
			.contains("TYPE_MISMATCH", "/fields/1/type");
	}

	@Test
	void removingAnEnumSymbolWithoutDefaultIsRejected() {
		String noDefault = V1.replace(",\"default\":\"UNKNOWN\"", "");
		assertThat(violations(noDefault, noDefault.replace("\"UNKNOWN\",\"A\",\"B\"", "\"UNKNOWN\",\"A\"")))
			.singleElement()
			.asString()
			.contains("MISSING_ENUM_SYMBOLS");
	}

	@Test
	void removingAReleasedSchemaIsRejected() {
		Schema thing = new Schema.Parser().parse(V1);
		assertThat(BackwardCompatibility.violations(Map.of("t.Thing", thing), Map.of()))
			.containsExactly("t.Thing: released schema was removed");
	}

	private static java.util.List<String> violations(String released, String current) {
		Schema writer = new Schema.Parser().parse(released);
		Schema reader = new Schema.Parser().parse(current);
		return BackwardCompatibility.violations(Map.of(writer.getFullName(), writer),
				Map.of(reader.getFullName(), reader));
	}

}
