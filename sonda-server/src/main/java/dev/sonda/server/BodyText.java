package dev.sonda.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a {@code POST /scenarios} body (sinks-cli-server §4.6): read as YAML when the {@code
 * Content-Type} contains {@code yaml} or is absent, else as JSON. JSON is checked with Jackson and
 * then read by the same YAML loader, which accepts JSON once two differences are smoothed over
 * without moving any line: tabs between tokens become spaces, and the JSON escape {@code \/}
 * becomes {@code \u002f}.
 */
final class BodyText {
    private BodyText() {}

    /**
     * The scenario text of a body.
     *
     * @throws ApiException 400 for text that is not UTF-8 or JSON that does not parse
     */
    static String of(byte[] body, String contentType) {
        if (contentType == null || contentType.contains("yaml")) {
            return utf8(body);
        }
        try {
            Json.parse(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("invalid JSON body: " + Json.describe(e));
        }
        return jsonAsYaml(utf8(body));
    }

    /**
     * Decodes UTF-8, or refuses with the first bad byte's offset, line and column.
     *
     * @throws ApiException 400 {@code request body is not valid UTF-8: ...}
     */
    static String utf8(byte[] body) {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (body[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            StringBuilder bytes = new StringBuilder();
            for (int i = at; i < Math.min(body.length, at + r.length()); i++) {
                bytes.append(bytes.length() == 0 ? "" : " ").append(String.format("0x%02X", body[i] & 0xff));
            }
            throw ApiException.badRequest("request body is not valid UTF-8: invalid byte sequence " + bytes
                    + " at byte offset " + at + " (line " + line + ", column " + (at - lineStart + 1)
                    + "); send the scenario as UTF-8");
        }
        d.flush(out);
        out.flip();
        return out.toString();
    }

    /** Valid JSON as YAML text with the same lines: see the class comment. */
    static String jsonAsYaml(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 16);
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\' && i + 1 < json.length()) {
                    char n = json.charAt(++i);
                    sb.append(n == '/' ? "\\u002f" : "\\" + n);
                    continue;
                }
                if (c == '"') {
                    inString = false;
                }
                sb.append(c);
            } else {
                if (c == '"') {
                    inString = true;
                }
                sb.append(c == '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
