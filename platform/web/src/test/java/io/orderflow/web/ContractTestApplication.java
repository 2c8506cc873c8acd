package io.orderflow.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The smallest application the contract applies to: one controller and a service's own
 * advice, in front of the auto-configuration under test.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Import({ ContractController.class, ServiceProblems.class })
class ContractTestApplication {

}
