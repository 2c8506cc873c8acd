package io.orderflow.inventory;

import java.util.List;

import javax.sql.DataSource;

import io.orderflow.testsupport.AbstractServiceApplicationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory-service starts against real PostgreSQL, Kafka and registry, migrates its
 * database and exposes only health and Prometheus metrics.
 */
@DirtiesContext
class InventoryServiceApplicationTest extends AbstractServiceApplicationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	InventoryServiceApplicationTest() {
		super("inventory-service", List.of("reservation"),
				"orderflow_inventory_reservations_total{application=\"inventory-service\",outcome=\"reserved\"}");
	}

	@Test
	void loadsTheDemoProductsIdempotently() {
		ResourceDatabasePopulator demo = new ResourceDatabasePopulator(new ClassPathResource("demo/products.sql"));
		demo.execute(this.dataSource);
		this.jdbc.sql("UPDATE product SET available = 1 WHERE sku = 'SKU-1'").update();
		demo.execute(this.dataSource);

		assertThat(
				this.jdbc.sql("SELECT sku FROM product WHERE sku LIKE 'SKU-%' ORDER BY sku").query(String.class).list())
			.containsExactly("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
		assertThat(this.jdbc.sql("SELECT DISTINCT currency FROM product").query(String.class).list())
			.containsOnly("EUR");
		assertThat(this.jdbc.sql("SELECT available FROM product WHERE sku = 'SKU-1'").query(Integer.class).single())
			.as("a second load leaves existing stock alone")
			.isEqualTo(1);
	}

}
