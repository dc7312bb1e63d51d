/** Internal: the SLA policy JSON reader. Not API; free to change. */
package io.supportkit.core.sla.internal;
