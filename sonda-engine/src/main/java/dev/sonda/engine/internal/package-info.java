/**
 * Not API: the compiler and scheduler internals of the engine. May change without notice.
 */
package dev.sonda.engine.internal;
