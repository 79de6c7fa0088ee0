/**
 * Sonda's HTTP control plane: {@link dev.sonda.server.SondaServer}, started from Java with its
 * builder, from the command line with {@code sonda server}, or in a JUnit 5 test with {@code
 * @SondaServerTest} of {@code sonda-junit5}. The routes are documented in {@code docs/server.md};
 * what the server trusts and what it does not in {@code docs/security.md}.
 */
package dev.sonda.server;
