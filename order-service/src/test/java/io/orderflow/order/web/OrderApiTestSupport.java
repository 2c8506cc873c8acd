package io.orderflow.order.web;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests of the running order API share: a client on the service's port, and a
 * view of the rows it stored.
 */
abstract class OrderApiTestSupport {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcClient jdbc;

	OrderApi api;

	StoredRows stored;

	@BeforeEach
	void connect() {
		this.api = new OrderApi(this.port);
		this.stored = new StoredRows(this.jdbc);
	}

}
