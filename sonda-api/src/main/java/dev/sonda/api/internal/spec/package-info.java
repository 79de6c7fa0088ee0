/** Not API. Plain-map implementations of the spec SPI and did-you-mean suggestions. */
package dev.sonda.api.internal.spec;
