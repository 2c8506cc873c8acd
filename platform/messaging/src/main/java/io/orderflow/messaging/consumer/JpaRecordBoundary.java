package io.orderflow.messaging.consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * The {@link RecordBoundary} of a JPA service: after each record of a batch, the
 * transaction's persistence context writes the record's changes ({@code flush}) and
 * forgets every entity ({@code clear}). Without it every flush of a batch dirty-checks
 * every entity the batch loaded so far, which makes a batch quadratic in its size. Row
 * locks stay with the transaction; a later record reads the rows it needs again.
 */
public class JpaRecordBoundary implements RecordBoundary {

	private final EntityManagerFactory entityManagerFactory;

	public JpaRecordBoundary(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public void afterRecord() {
		EntityManager entityManager = EntityManagerFactoryUtils
			.getTransactionalEntityManager(this.entityManagerFactory);
		if (entityManager != null) {
			entityManager.flush();
			entityManager.clear();
		}
	}

}
