package dev.sonda.engine.sink;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a Java I/O failure the way the reference (Sonda 1.20, Rust) prints an {@code
 * std::io::Error}: an operating-system error as {@code "{strerror} (os error {errno})"}, for example
 * {@code Connection refused (os error 111)}. Not API.
 *
 * <p>Java does not expose errno, so the error is recognised by its exception type ({@link
 * AccessDeniedException}, {@link NoSuchFileException}, ...) or by its message, which the JDK takes
 * from {@code strerror} on Linux. The {@code (os error N)} suffix uses Linux errno numbers and is
 * added only on Linux; elsewhere, and for messages not in the table, the Java message is returned
 * unchanged. A {@link ConnectException} without any message in its cause chain (the JDK {@code
 * HttpClient} drops the operating system's text) is reported as {@code Connection refused}.
 * Stateless and thread-safe.
 */
final class IoErrors {
    private static final boolean LINUX =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");

    /** glibc {@code strerror} texts and their Linux errno numbers. */
    private static final Map<String, Integer> ERRNO = Map.ofEntries(
            Map.entry("Operation not permitted", 1),
            Map.entry("No such file or directory", 2),
            Map.entry("Input/output error", 5),
            Map.entry("Bad file descriptor", 9),
            Map.entry("Cannot allocate memory", 12),
            Map.entry("Permission denied", 13),
            Map.entry("File exists", 17),
            Map.entry("Not a directory", 20),
            Map.entry("Is a directory", 21),
            Map.entry("Invalid argument", 22),
            Map.entry("Too many open files", 24),
            Map.entry("File too large", 27),
            Map.entry("No space left on device", 28),
            Map.entry("Read-only file system", 30),
            Map.entry("Broken pipe", 32),
            Map.entry("File name too long", 36),
            Map.entry("Directory not empty", 39),
            Map.entry("Message too long", 90),
            Map.entry("Address family not supported by protocol", 97),
            Map.entry("Address already in use", 98),
            Map.entry("Cannot assign requested address", 99),
            Map.entry("Network is down", 100),
            Map.entry("Network is unreachable", 101),
            Map.entry("Software caused connection abort", 103),
            Map.entry("Connection reset by peer", 104),
            Map.entry("Transport endpoint is not connected", 107),
            Map.entry("Connection timed out", 110),
            Map.entry("Connection refused", 111),
            Map.entry("No route to host", 113),
            Map.entry("Disk quota exceeded", 122));

    /** JDK messages that differ from the glibc text of the same errno. */
    private static final Map<String, String> JDK_ALIASES = Map.of(
            "Connection reset", "Connection reset by peer",
            "Broken pipe (Write failed)", "Broken pipe",
            "Connection refused (Connection refused)", "Connection refused");

    private IoErrors() {}

    /**
     * Describes {@code error} as the reference would print the corresponding {@code io::Error}.
     *
     * @param error the failure; its cause chain is searched for the first message
     * @return the text, never null or empty
     */
    static String describe(Throwable error) {
        if (error instanceof AccessDeniedException) {
            return os("Permission denied");
        }
        if (error instanceof NoSuchFileException) {
            return os("No such file or directory");
        }
        if (error instanceof FileAlreadyExistsException) {
            return os("File exists");
        }
        if (error instanceof NotDirectoryException) {
            return os("Not a directory");
        }
        if (error instanceof DirectoryNotEmptyException) {
            return os("Directory not empty");
        }
        if (error instanceof FileSystemException fse && fse.getReason() != null) {
            return os(fse.getReason());
        }
        if (error instanceof FileNotFoundException && error.getMessage() != null) {
            String m = error.getMessage();
            int open = m.lastIndexOf(" (");
            if (open >= 0 && m.endsWith(")")) {
                return os(m.substring(open + 2, m.length() - 1));
            }
        }
        if (error instanceof UnknownHostException) {
            return lookupFailure(error);
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return lookupFailure(t);
            }
            String m = t.getMessage();
            if (m != null && !m.isEmpty()) {
                return os(m);
            }
        }
        if (error instanceof ConnectException) {
            // The JDK HttpClient drops the OS text of a failed connect (a bare ConnectException
            // caused by a ClosedChannelException); a refused connection is the usual case.
            return os("Connection refused");
        }
        return error.getClass().getSimpleName();
    }

    /**
     * The reference's name-resolution failure text ({@code getaddrinfo} through Rust's {@code
     * ToSocketAddrs}): {@code failed to lookup address information: {gai_strerror}}.
     *
     * @param error an {@link UnknownHostException}, whose message is {@code host} or {@code host:
     *     reason}
     * @return the text
     */
    static String lookupFailure(Throwable error) {
        String m = error.getMessage();
        String reason = "Name or service not known";
        if (m != null) {
            int colon = m.indexOf(": ");
            if (colon >= 0 && colon + 2 < m.length()) {
                reason = m.substring(colon + 2);
            }
        }
        return "failed to lookup address information: " + reason;
    }

    private static String os(String message) {
        String text = JDK_ALIASES.getOrDefault(message, message);
        Integer errno = ERRNO.get(text);
        if (errno == null || !LINUX) {
            return text;
        }
        return text + " (os error " + errno + ")";
    }
}
