/**
 * The {@code sonda} command: runs, validates and lists v2 scenario files. A delivery mechanism on
 * top of the library; it holds no logic the library lacks beyond argument parsing and status
 * output.
 */
package dev.sonda.cli;
