package dev.sonda.engine.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sonda.api.sink.SinkSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    @TempDir
    Path dir;

    private static void write(ByteSink sink, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sink.write(b, 0, b.length);
    }

    @Test
    void missingParentDirectoriesAreCreated() throws IOException {
        Path file = dir.resolve("a/b/c/out.prom");
        ByteSink sink = TestSupport.open(SinkSpec.file(file.toString()), SinkContext.simple("e"));
        write(sink, "up 1\n");
        sink.close();
        assertThat(Files.readString(file)).isEqualTo("up 1\n");
    }

    @Test
    void anExistingFileIsTruncatedNotAppended() throws IOException {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "old content that is longer\n");
        FileSink sink = new FileSink(file.toString());
        assertThat(Files.size(file)).isZero();
        write(sink, "new\n");
        sink.close();
        assertThat(Files.readString(file)).isEqualTo("new\n");
    }

    @Test
    void bytesReachTheFileOnlyWhenTheBufferFillsOrOnFlush() throws IOException {
        Path file = dir.resolve("buffered.txt");
        FileSink sink = new FileSink(file.toString());
        write(sink, "a\n");
        assertThat(Files.size(file)).isZero();
        sink.flush();
        assertThat(Files.readString(file)).isEqualTo("a\n");
        String big = "x".repeat(5_000) + "\n";
        write(sink, big);
        write(sink, big);
        assertThat(Files.size(file)).as("the second event drained the first").isEqualTo(2 + big.length());
        sink.close();
        assertThat(Files.readString(file)).isEqualTo("a\n" + big + big);
    }

    @Test
    void aDirectoryPathFailsWithTheReferenceMessage() {
        String path = dir.toString();
        assertThatThrownBy(() -> new FileSink(path))
                .isInstanceOf(SinkException.class)
                .hasMessage("failed to open " + path + " for writing: Is a directory");
    }

    @Test
    void aParentThatIsAFileFailsWithTheReferenceMessage() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "");
        String path = blocker.resolve("sub/out.txt").toString();
        assertThatThrownBy(() -> new FileSink(path))
                .isInstanceOf(SinkException.class)
                .hasMessageStartingWith("failed to create parent directories for " + path + ": ");
    }

    @Test
    void closeIsIdempotent() throws IOException {
        Path file = dir.resolve("twice.txt");
        FileSink sink = new FileSink(file.toString());
        write(sink, "z\n");
        sink.close();
        sink.close();
        assertThat(Files.readString(file)).isEqualTo("z\n");
    }
}
