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
import java.util.Map;

/**
 * Renders a Java I/O failure as the operating system words it, for example {@code Connection
 * refused} or {@code No space left on device}: the glibc {@code strerror} text (the reference's
 * wording without its Rust {@code (os error N)} suffix). Not API.
 *
 * <p>The error is recognised by its exception type ({@link AccessDeniedException}, {@link
 * NoSuchFileException}, ...) or by its message, which the JDK takes from {@code strerror} on Linux;
 * other messages are returned unchanged. A {@link ConnectException} without any message in its
 * cause chain (the JDK {@code HttpClient} drops the operating system's text) is reported as {@code
 * Connection refused}. Stateless and thread-safe.
 */
final class IoErrors {
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
        return text;
    }
}
