/**
 * Implementation of the router: state machine, indexes, timers. Not API; free to change.
 */
package io.supportkit.routing.internal;
