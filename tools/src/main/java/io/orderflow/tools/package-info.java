/**
 * Command-line tools: the load generator behind {@code ./orderflow load}.
 */
@NullMarked
package io.orderflow.tools;

import org.jspecify.annotations.NullMarked;
