/**
 * What an operator sees of the running bot: the HTTP listener ({@code /healthz}, {@code /readyz},
 * {@code /metrics}), the readiness checks the other parts implement, the Prometheus metrics, the
 * log format and level, and the build's version and commit (docs/OPERATIONS.md).
 *
 * <p>It depends on no other outer package: the Discord layer and the wiring report to it through
 * its small interfaces ({@link org.newsdesk.resignations.ops.GatewayStatus},
 * {@link org.newsdesk.resignations.ops.ReadinessCheck}), so that it never sees JDA.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.ops;

import org.jspecify.annotations.NullMarked;
