/**
 * Not API: number formatting shared by the engine's encoders and validation messages. May change
 * without notice.
 */
package dev.sonda.api.internal.num;
