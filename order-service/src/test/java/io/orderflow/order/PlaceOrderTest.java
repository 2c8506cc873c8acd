package io.orderflow.order;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static io.orderflow.order.PlaceOrders.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaceOrderTest {

	@Test
	void sameRequestHasSameFingerprintWhateverTheLineOrder() {
		PlaceOrder one = anOrder().customerId("alice").line("A", 1).line("B", 2).build();
		PlaceOrder reordered = anOrder().customerId("alice").line("B", 2).line("A", 1).idempotencyKey("k").build();

		assertThat(reordered.fingerprint()).isEqualTo(one.fingerprint()).hasSize(64).matches("[0-9a-f]+");
	}

	@Test
	void fingerprintChangesWithCustomerSkuOrQuantity() {
		String fingerprint = anOrder().customerId("alice").line("A", 1).build().fingerprint();

		assertThat(List.of(anOrder().customerId("bob").line("A", 1).build(),
				anOrder().customerId("alice").line("B", 1).build(), anOrder().customerId("alice").line("A", 2).build(),
				anOrder().customerId("alice").line("A", 1).line("B", 1).build()))
			.extracting(PlaceOrder::fingerprint)
			.doesNotContain(fingerprint)
			.doesNotHaveDuplicates();
	}

	@Test
	void fieldBoundariesCannotBeShiftedToForgeAFingerprint() {
		// "ab" + "c" must not read like "a" + "bc"
		assertThat(anOrder().customerId("ab").line("c", 1).build().fingerprint())
			.isNotEqualTo(anOrder().customerId("a").line("bc", 1).build().fingerprint());
	}

	@Test
	void rejectsASkuOnTwoLinesNamingTheRepeatingLine() {
		assertThatThrownBy(() -> anOrder().line("A", 1).line("B", 1).line("A", 3).build())
			.isInstanceOfSatisfying(DuplicateSkuException.class, (ex) -> {
				assertThat(ex.sku()).isEqualTo("A");
				assertThat(ex.lineIndex()).isEqualTo(2);
				assertThat(ex.firstLineIndex()).isZero();
			});
	}

	@Test
	void rejectsOrdersWithoutLinesOrWithMoreThanFifty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("alice", Collections.emptyList(), null));
		List<OrderLine> fiftyOne = IntStream.rangeClosed(1, 51).mapToObj((i) -> new OrderLine("SKU-" + i, 1)).toList();
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("alice", fiftyOne, null));
		assertThat(new PlaceOrder("alice", fiftyOne.subList(0, 50), null).lines()).hasSize(50);
	}

	@Test
	void rejectsBlankOrOddlySpacedCustomersAndEmptyIdempotencyKey() {
		List<OrderLine> lines = List.of(new OrderLine("A", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder(" ", lines, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("\u2003", lines, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder(" alice", lines, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("al\tice", lines, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("c".repeat(65), lines, null));
		assertThat(new PlaceOrder("Alice Smith-Ünal #7", lines, null).customerId()).isEqualTo("Alice Smith-Ünal #7");
		assertThat(new PlaceOrder("c".repeat(64), lines, null).customerId()).hasSize(64);
		// characters as the database counts them: code points, not UTF-16 units
		assertThat(new PlaceOrder("\uD83D\uDE00".repeat(64), lines, null).customerId()).hasSize(128);
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("\uD83D\uDE00".repeat(65), lines, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new PlaceOrder("alice", lines, ""));
	}

	@Test
	void linesRejectMalformedSkusAndQuantitiesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("SKU 1", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("A".repeat(65), 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("A", 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("A", 1001));
		assertThat(new OrderLine("a.B_9-z", 1000).quantity()).isEqualTo(1000);
	}

}
