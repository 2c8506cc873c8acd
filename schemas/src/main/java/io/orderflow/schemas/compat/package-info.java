/**
 * Offline schema compatibility rules, used by the build to refuse incompatible contract
 * changes.
 */
@NullMarked
package io.orderflow.schemas.compat;

import org.jspecify.annotations.NullMarked;
