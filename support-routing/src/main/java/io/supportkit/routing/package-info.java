/**
 * Routing of tasks to agents: {@link io.supportkit.routing.Router} (built with {@link io.supportkit.routing.Router#builder()})
 * and the value types it takes and returns. Usable on its own; see the module README for the semantics, the
 * concurrency model and the defaults.
 */
package io.supportkit.routing;
