/** Internal: the segment timeline and the JSON reader. Not API; free to change. */
package io.supportkit.core.calendar.internal;
