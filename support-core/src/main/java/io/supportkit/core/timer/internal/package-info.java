/** Internal: the in-memory timer store. Not API; free to change. */
package io.supportkit.core.timer.internal;
