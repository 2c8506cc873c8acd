package io.orderflow.inventory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The inventory service of Orderflow: the product catalogue with stock levels
 * ({@code PUT/GET /products/{sku}}), and stock reservations driven by the saga
 * ({@code OrderPlaced} -> {@code StockReserved} | {@code StockRejected},
 * {@code PaymentFailed} or {@code OrderCancelled} -> {@code StockReleased},
 * {@code OrderConfirmed} -> sold), published through the transactional outbox.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
public class InventoryServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(InventoryServiceApplication.class, args);
	}

}
