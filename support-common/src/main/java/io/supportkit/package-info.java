/**
 * The exception hierarchy shared by every supportkit module: {@link io.supportkit.SupportException} and
 * its subtypes.
 */
package io.supportkit;
