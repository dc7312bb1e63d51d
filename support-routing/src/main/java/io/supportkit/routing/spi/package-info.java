/**
 * What hosts implement for routing: {@link io.supportkit.routing.spi.RoutingListener} to receive events.
 */
package io.supportkit.routing.spi;
