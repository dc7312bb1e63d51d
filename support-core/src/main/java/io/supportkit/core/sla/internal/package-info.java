/** Internal: the SLA policy JSON reader and the in-memory progress store. Not API; free to change. */
package io.supportkit.core.sla.internal;
